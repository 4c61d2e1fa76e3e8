import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/** Requests Node's HTTP parser refuses are answered in the one error shape (server/http/client-errors.ts, issue #10). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("what Node's HTTP parser refuses", () => {
  it('a 20 kB URL gets 431 in the one error shape, and the server carries on', async () => {
    const res = await fetch(`${server.url}/api/centres/${'x'.repeat(20_000)}/services`);
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({ error: { code: 'request.headers_too_large', message: 'The request line or headers are too large.' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('broken framing gets 400 request.malformed', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8').on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe('request.malformed');
  });
});
