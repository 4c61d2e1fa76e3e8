import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Reply {
  status: number;
  body: string;
}

export interface LoadRun {
  /** Milliseconds per request, in completion order; failed requests included. */
  latencies: number[];
  replies: Reply[];
  /** Wall time from the first send to the last reply, in ms. */
  elapsedMs: number;
}

export interface PostLoad {
  /** Credentials (test/helpers/credentials.ts): the API needs a session or a device token. */
  headers?: Record<string, string>;
  agent: Agent;
  url: string;
  concurrency: number;
  total: number;
  /** JSON body of the i-th request (0-based). */
  body(i: number): unknown;
}

/**
/**
 * One keep-alive socket per worker. Share it between warm-up and timed run: a server busy with
 * load was seen to accept new connections late (100 simultaneous connects trickled in over ~1 s
 * and their first requests waited up to 3 s), which would otherwise land in the timed p99.
 */
export const keepAliveAgent = (concurrency: number) => new Agent({ keepAlive: true, maxSockets: concurrency });

/**
 * Closed-loop load: `concurrency` workers each send a POST, wait for the whole reply, send the
 * next, until `total` have been sent. node:http rather than fetch: less client CPU per request on
 * a 2-core machine where the client competes with the server.
 * Bodies are kept as strings and parsed after the run, to keep the client's work out of the timing.
 */
export async function postLoad({ agent, url, concurrency, total, body, headers = {} }: PostLoad): Promise<LoadRun> {
  const latencies: number[] = [];
  const replies: Reply[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const payload = JSON.stringify(body(next++));
      const start = performance.now();
      const reply = await post(agent, url, payload, headers);
      latencies.push(performance.now() - start);
      replies.push(reply);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - start;
  return { latencies, replies, elapsedMs };
}

function post(agent: Agent, url: string, payload: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (error) => resolve({ status: 0, body: String(error) }));
      },
    );
    // A refused or reset connection counts as an error reply (status 0), not a crashed bench.
    req.on('error', (error) => resolve({ status: 0, body: String(error) }));
    req.end(payload);
  });
}
