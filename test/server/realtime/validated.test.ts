import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, type Result } from '../../../protocol/index.ts';
import { onValidated } from '../../../server/realtime/validated.ts';

function recordingLog() {
  const lines: { level: string; message: string; extra: unknown }[] = [];
  const at = (level: string) => (message: string, extra?: unknown) => void lines.push({ level, message, extra });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Calls the socket handler the way socket.io does and returns what it acknowledged. */
async function ackOf<T>(handler: (payload: unknown, ack?: (r: Result<T>) => void) => Promise<void>, payload: unknown) {
  const acks: Result<T>[] = [];
  await handler(payload, (r) => acks.push(r));
  expect(acks).toHaveLength(1);
  return acks[0]!;
}

const Schema = z.object({ counterId: z.string().min(1) }).strict();

describe('onValidated', () => {
  it('passes the parsed payload to the handler and acknowledges its result', async () => {
    const seen: unknown[] = [];
    const handler = onValidated(
      Schema,
      async (p) => {
        seen.push(p);
        return { called: p.counterId };
      },
      recordingLog(),
    );
    expect(await ackOf(handler, { counterId: 'quay-1' })).toEqual({ ok: true, data: { called: 'quay-1' } });
    expect(seen).toEqual([{ counterId: 'quay-1' }]);
  });

  it.each([
    ['a missing field', {}],
    ['an unknown field', { counterId: 'q', x: 1 }],
    ['a wrong type', { counterId: 3 }],
    ['a string', 'quay-1'],
  ])('answers request.invalid_payload for %s without calling the handler', async (_label, payload) => {
    let calls = 0;
    const handler = onValidated(Schema, async () => ++calls, recordingLog());
    const ack = await ackOf(handler, payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'request.invalid_payload' } });
    expect(calls).toBe(0);
  });

  it('turns an AppError into its code and message, without logging', async () => {
    const log = recordingLog();
    const handler = onValidated(
      Schema,
      async () => {
        throw new AppError('queue.empty', 'No ticket is waiting for counter 1.');
      },
      log,
    );
    expect(await ackOf(handler, { counterId: 'quay-1' })).toEqual({
      ok: false,
      error: { code: 'queue.empty', message: 'No ticket is waiting for counter 1.' },
    });
    expect(log.lines).toEqual([]);
  });

  it('hides any other error behind "internal" and logs it', async () => {
    const log = recordingLog();
    const boom = new Error('SQLITE_CORRUPT: secret path /var/lib/luot');
    const handler = onValidated(
      Schema,
      async () => {
        throw boom;
      },
      log,
    );
    expect(await ackOf(handler, { counterId: 'quay-1' })).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error.' } });
    expect(log.lines).toEqual([{ level: 'error', message: 'socket handler failed', extra: boom }]);
  });

  it('does not throw when the client sent no ack callback', async () => {
    const handler = onValidated(Schema, async () => 1, recordingLog());
    await expect(handler({ counterId: 'quay-1' })).resolves.toBeUndefined();
    await expect(handler({})).resolves.toBeUndefined();
  });
});
