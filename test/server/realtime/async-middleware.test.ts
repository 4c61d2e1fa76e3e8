import { describe, expect, it } from 'vitest';
import { asyncMiddleware } from '../../../server/realtime/async-middleware.ts';

function recordingLog() {
  const lines: { level: string; message: string; extra: unknown }[] = [];
  const at = (level: string) => (message: string, extra?: unknown) => void lines.push({ level, message, extra });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Runs the middleware the way socket.io does (its return value ignored) and collects what `next` got. */
async function answersOf(middleware: (socket: object, next: (err?: Error) => void) => void) {
  const answers: (Error | undefined)[] = [];
  middleware({}, (err) => answers.push(err));
  await new Promise((resolve) => setImmediate(resolve));
  return answers;
}

describe('asyncMiddleware', () => {
  it("passes the middleware's own answer through", async () => {
    const log = recordingLog();
    expect(await answersOf(asyncMiddleware('handshake', log, async (_s, next) => next()))).toEqual([undefined]);
    const refused = await answersOf(asyncMiddleware('handshake', log, async (_s, next) => next(new Error('auth.required'))));
    expect(refused.map((e) => e?.message)).toEqual(['auth.required']);
    expect(log.lines).toEqual([]);
  });

  it('refuses the client with internal and logs when the middleware rejects before answering', async () => {
    const log = recordingLog();
    const boom = new Error('store closed');
    const answers = await answersOf(
      asyncMiddleware('ticket handshake', log, async () => {
        await Promise.resolve();
        throw boom;
      }),
    );
    expect(answers.map((e) => e?.message)).toEqual(['internal']);
    expect(log.lines).toEqual([{ level: 'error', message: 'ticket handshake failed', extra: boom }]);
  });

  it('answers once when the middleware rejects after it has answered', async () => {
    const log = recordingLog();
    const answers = await answersOf(
      asyncMiddleware('bridge handshake', log, async (_s, next) => {
        next();
        throw new Error('late');
      }),
    );
    expect(answers).toEqual([undefined]);
    expect(log.lines.map((l) => l.message)).toEqual(['bridge handshake failed']);
  });
});
