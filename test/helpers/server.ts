import { loadConfig, type Config } from '../../server/config.ts';
import { startServer, type ComposeOverrides, type RunningServer } from '../../server/compose.ts';
import { credentialsFor, usernameOf, type Who } from './credentials.ts';
import { tempDir } from './temp-dir.ts';

export type { Who } from './credentials.ts';

export type ApiInit = RequestInit & { json?: unknown; as?: Who };

export interface TestServer extends RunningServer {
  config: Config;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
  /**
   * A request to /api, as the demo admin unless `as` names someone else (a demo account, a demo
   * device, or 'anonymous'). `json` makes it a POST with that body.
   */
  api(path: string, init?: ApiInit): Promise<Response>;
  /** The headers that authenticate as `who`. */
  credentials(who: Who): Promise<Record<string, string>>;
  /**
   * Opens a demo counter as `who` (default: the counter's own officer, OFFICER_AT), first
   * closing any other counter that officer holds (one officer, one counter). Returns `who`.
   */
  openCounter(counterId: string, who?: Who): Promise<Who>;
}

/** One demo officer per demo counter, so several counters can be open at once in a test. */
export const OFFICER_AT: Record<string, Who> = {
  'quay-1': 'lan',
  'quay-2': 'hung',
  'quay-3': 'tuan',
  'quay-4': 'admin',
  'quay-5': 'admin',
  'quay-6': 'ha',
};

/** The real server (demo centre, accounts, devices) on 127.0.0.1, an ephemeral port and a fresh data folder. */
export async function startTestServer(overrides: ComposeOverrides = {}, env: Record<string, string> = {}): Promise<TestServer> {
  const dir = tempDir('luot-server');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'true', LOG_LEVEL: 'warn', ...env });
  const server = await startServer(config, overrides);
  const credentials = credentialsFor(server.url);
  const api = async (path: string, init: ApiInit = {}) => {
    const { json, as = 'admin', ...rest } = init;
    const auth = await credentials(as);
    const headers = { ...auth, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(rest.headers as Record<string, string>) };
    if (json === undefined) return fetch(`${server.url}/api${path}`, { ...rest, headers });
    return fetch(`${server.url}/api${path}`, { method: 'POST', ...rest, headers, body: JSON.stringify(json) });
  };
  return {
    ...server,
    config,
    credentials,
    async stop() {
      try {
        await server.close();
      } finally {
        dir.remove();
      }
    },
    api,
    async openCounter(counterId, who = OFFICER_AT[counterId] ?? 'admin') {
      const open = () => api(`/centres/demo/counters/${counterId}/open`, { json: {}, as: who });
      let res = await open();
      if (res.status === 409 && (await res.clone().json()).error?.code === 'staff.holds_other_counter') {
        const held = await server.deps.store.counterHeldBy('demo', usernameOf[who]!);
        if (held) await api(`/centres/demo/counters/${held}/close`, { json: {}, as: who });
        res = await open();
      }
      if (res.status !== 200) throw new Error(`open ${counterId} as ${who}: ${res.status} ${await res.text()}`);
      return who;
    },
  };
}

/** POST a JSON body and return status and parsed body. */
export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
