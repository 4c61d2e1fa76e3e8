import type { Duplex } from 'node:stream';
import { errorStatus, type ErrorBody } from '../../protocol/index.ts';

const reasons: Partial<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** Which answer a request Node's HTTP parser refused gets (before any route could see it). */
export function clientErrorBody(code: string | undefined): ErrorBody {
  if (code === 'HPE_HEADER_OVERFLOW') return { code: 'request.headers_too_large', message: 'The request line or headers are too large.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { code: 'request.timeout', message: 'The request was not received in time.' };
  return { code: 'request.malformed', message: 'Malformed HTTP request.' };
}

/**
 * Requests that Node's HTTP parser refuses (a URL or headers over its 16 KiB limit, broken
 * framing, a request too slow to arrive) never reach Hono; Node would answer them with an empty
 * 400/408/431. This answers them in the one error shape `{ error: { code, message } }` and closes
 * the connection (issue #10).
 */
export function answerClientErrors(server: { on(event: 'clientError', listener: (error: NodeJS.ErrnoException, socket: Duplex) => void): unknown }): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const error_ = clientErrorBody(error.code);
    const status = errorStatus[error_.code];
    const body = JSON.stringify({ error: error_ });
    socket.end(
      `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
