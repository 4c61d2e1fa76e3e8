/**
 * `BENCH_CPU_PROF=<dir> npx tsx test/bench/profile.ts [issue|call]`: one server in a child process
 * under `node --cpu-prof`, loaded with 3,000 tickets issued at concurrency 20 (or 300 call-next +
 * finish at one counter); the profile lands in <dir> when the server stops. How the figures of
 * docs/benchmarks.md ("what bounds it") were found: open the .cpuprofile in Chrome's DevTools.
 */
import { loginHeaders } from '../helpers/credentials.ts';
import { keepAliveAgent, postLoad } from './load.ts';
import { spawnServer } from './spawn-server.ts';

if (!process.env.BENCH_CPU_PROF) throw new Error('set BENCH_CPU_PROF to the folder for the profile');
const what = process.argv[2] ?? 'issue';
const server = await spawnServer();
const agent = keepAliveAgent(20);
try {
  const headers = await loginHeaders(server.url, 'admin');
  const url = `${server.url}/api/centres/demo/tickets`;
  const services = ['tu-phap-ho-tich', 'lao-dong-xa-hoi'];
  const total = what === 'issue' ? 3_000 : 400;
  await postLoad({ agent, url, concurrency: 20, total, body: (i) => ({ serviceId: services[i % 2] }), headers });
  if (what === 'call') {
    const officer = await loginHeaders(server.url, 'hung');
    const post = (action: string) =>
      fetch(`${server.url}/api/centres/demo/counters/quay-2/${action}`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: '{}',
      });
    await post('open');
    for (let i = 0; i < 300; i++) {
      await post('call-next');
      await post('finish');
    }
  }
} finally {
  agent.destroy();
  await server.stop();
}
