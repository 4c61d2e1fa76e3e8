import { isAppError } from '../../protocol/index.ts';
import type { Logger } from '../kernel/log.ts';

type Next = (err?: Error) => void;

/**
 * A socket.io handshake middleware written as an async function. socket.io calls a middleware and
 * ignores what it returns, so a rejection of an `async (socket, next) => …` passed straight to
 * `nsp.use` is unhandled: nobody answers the connecting client and Node ends the process. Here a
 * rejection is logged and the client refused with its code (handshakeRefusal), unless the middleware had already
 * answered (`next` runs at most once).
 */
export function asyncMiddleware<S>(what: string, log: Logger, middleware: (socket: S, next: Next) => Promise<unknown>) {
  return (socket: S, next: Next): void => {
    let answered = false;
    const once: Next = (err) => {
      if (answered) return;
      answered = true;
      next(err);
    };
    middleware(socket, once).catch((error: unknown) => {
      log.error(`${what} failed`, error);
      once(handshakeRefusal(error));
    });
  };
}

/**
 * What a connecting client is told when its handshake failed on an error: the error's own code
 * when it is one of ours (`store.unavailable` while the disk is full: the client retries and shows
 * its offline state), else `internal` — never the message.
 */
export function handshakeRefusal(error: unknown): Error {
  return new Error(isAppError(error) ? error.code : 'internal');
}
