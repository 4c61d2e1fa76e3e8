import type { Socket } from 'socket.io-client';
import { KeypadEvents, type KeypadClientToServer, type KeypadServerToClient } from '../../protocol/events.ts';
import { KeypadArmSchema, KeypadDisarmSchema, PressResultSchema, type KeypadPress } from '../../protocol/rating.schemas.ts';
import type { BridgeLogger } from '../log.ts';
import type { BridgeSocket } from '../server-link.ts';
import type { KeypadService } from './keypad-service.ts';
import type { PressSender, SendResult } from './press-delivery.ts';

type KeypadSocket = Socket<KeypadServerToClient, KeypadClientToServer>;

/** How long the server has to commit a press and answer. */
const PRESS_TIMEOUT_MS = 10_000;
/** Server answers that mean "try again later", not "never". */
const TRANSIENT = new Set(['internal', 'auth.required']);

/** Sends one press as `rating:press` and reads the acknowledgement. */
export function socketPressSender(socket: KeypadSocket): PressSender {
  return (press: KeypadPress) =>
    new Promise<SendResult>((resolve) => {
      if (!socket.connected) return resolve({ kind: 'unreachable', reason: 'not connected' });
      socket.timeout(PRESS_TIMEOUT_MS).emit(KeypadEvents.press, press, (error: Error | null, answer: unknown) => {
        if (error) return resolve({ kind: 'unreachable', reason: 'no answer in time' });
        const a = answer as { ok?: boolean; data?: unknown; error?: { code?: string; message?: string } } | null;
        if (a?.ok === true) {
          const parsed = PressResultSchema.safeParse(a.data);
          return resolve(parsed.success ? { kind: 'answered', result: parsed.data } : { kind: 'unreachable', reason: 'an answer that is not a press result' });
        }
        const code = a?.error?.code ?? 'unknown';
        resolve(TRANSIENT.has(code) ? { kind: 'unreachable', reason: code } : { kind: 'refused', code, message: a?.error?.message ?? '' });
      });
    });
}

/**
 * Wires the keypads to the bridge's server link: `keypad:arm` / `keypad:disarm` from the server
 * (validated like every payload), and the outbox delivered once the server has welcomed this
 * connection (after the hello, so the server knows the keypads). Returns a detach function.
 */
export function linkKeypads(link: { readonly socket: BridgeSocket; welcomed(): Promise<void> }, service: KeypadService, log: BridgeLogger): () => void {
  const socket: KeypadSocket = link.socket;
  const sender = socketPressSender(socket);
  let attached = true;
  const whenWelcomed = () => {
    void link.welcomed().then(() => {
      if (attached && socket.connected) service.online(sender);
    });
  };
  const onArm = (payload: unknown) => {
    const parsed = KeypadArmSchema.safeParse(payload);
    if (!parsed.success) return log.error('invalid keypad:arm from the server', parsed.error.issues);
    service.arm(parsed.data);
  };
  const onDisarm = (payload: unknown) => {
    const parsed = KeypadDisarmSchema.safeParse(payload);
    if (!parsed.success) return log.error('invalid keypad:disarm from the server', parsed.error.issues);
    service.disarm(parsed.data);
  };
  const onDisconnect = () => service.offline();
  socket.on(KeypadEvents.arm, onArm);
  socket.on(KeypadEvents.disarm, onDisarm);
  socket.on('connect', whenWelcomed);
  socket.on('disconnect', onDisconnect);
  if (socket.connected) whenWelcomed();
  return () => {
    attached = false;
    socket.off(KeypadEvents.arm, onArm);
    socket.off(KeypadEvents.disarm, onDisarm);
    socket.off('connect', whenWelcomed);
    socket.off('disconnect', onDisconnect);
    service.offline();
  };
}
