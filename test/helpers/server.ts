import { loadConfig, type Config } from '../../server/config.ts';
import { startServer, type ComposeOverrides, type RunningServer } from '../../server/compose.ts';
import { tempDir } from './temp-dir.ts';

export interface TestServer extends RunningServer {
  config: Config;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** The real server (demo centre) on 127.0.0.1, an ephemeral port and a fresh data folder. */
export async function startTestServer(overrides: ComposeOverrides = {}): Promise<TestServer> {
  const dir = tempDir('luot-server');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'true', LOG_LEVEL: 'warn' });
  const server = await startServer(config, overrides);
  return {
    ...server,
    config,
    async stop() {
      try {
        await server.close();
      } finally {
        dir.remove();
      }
    },
    api(path, init = {}) {
      const { json, ...rest } = init;
      if (json === undefined) return fetch(`${server.url}/api${path}`, rest);
      return fetch(`${server.url}/api${path}`, {
        method: 'POST',
        ...rest,
        headers: { 'content-type': 'application/json', ...rest.headers },
        body: JSON.stringify(json),
      });
    },
  };
}

/** POST a JSON body and return status and parsed body. */
export async function postJson(base: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
