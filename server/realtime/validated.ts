import type { z } from 'zod';
import { fail, isAppError, ok, type Result } from '../../protocol/index.ts';
import { faultDetail } from '../http/errors.ts';
import type { Logger } from '../kernel/log.ts';

type Ack<T> = (result: Result<T>) => void;

/**
 * Every incoming socket event goes through here: the payload is parsed with its schema
 * (TypeScript types on socket payloads are not validation), the handler's result or AppError
 * becomes the ack, and anything else is logged and answered as `internal`.
 */
export function onValidated<S extends z.ZodType, T>(schema: S, handler: (payload: z.infer<S>) => Promise<T>, log: Logger) {
  return async (payload: unknown, ack?: Ack<T>) => {
    const reply: Ack<T> = typeof ack === 'function' ? ack : () => {};
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      reply(fail({ code: 'request.invalid_payload', message: parsed.error.issues.map((i) => i.message).join('; ') }));
      return;
    }
    try {
      reply(ok(await handler(parsed.data)));
    } catch (error) {
      if (isAppError(error)) {
        // The store unavailable (503): the ack says store.unavailable, the log says why and where.
        if (error.status >= 500) log.error(`socket handler: ${faultDetail(error)}`);
        return reply(fail(error.toBody()));
      }
      log.error('socket handler failed', error);
      reply(fail({ code: 'internal', message: 'Internal error.' }));
    }
  };
}
