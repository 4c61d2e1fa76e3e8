import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../kernel/log.ts';
import { redactUrl } from '../storage/postgres-faults.ts';
import { RealtimeUnavailable } from './adapter.ts';

/**
 * The prefix of the adapter's pub/sub channels (`luot#/centre#…`). Pub/sub channels are global
 * to a Redis server, whatever database number the address names: two deployments sharing one
 * Redis would hear each other's rooms, so each deployment needs its own Redis.
 */
export const REDIS_CHANNEL_PREFIX = 'luot';
/** Longest pause between two reconnection attempts once connected. */
const RECONNECT_MAX_MS = 5_000;

/**
 * One Redis connection. At start an unreachable server fails the start (like an unreachable
 * DATABASE_URL); once connected, a lost connection is retried for ever with a growing pause
 * (≤ 5 s), said once in the log when it breaks and once when it is back. While the subscriber
 * is away other instances' broadcasts are lost (pub/sub keeps nothing): displays see the next
 * sequence gap and ask for a snapshot.
 */
async function connectClient(url: string, role: 'publisher' | 'subscriber', log: Logger) {
  const where = redactUrl(url);
  let connected = false;
  let down = false;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, RECONNECT_MAX_MS) : cause),
    },
  });
  // node-redis emits 'error' on every failed attempt; without a listener it would end the process.
  client.on('error', (error: Error) => {
    if (!connected || down) return;
    down = true;
    log.warn(`socket.io over Redis ${where}: the ${role} connection broke (${error.message}); reconnecting`);
  });
  client.on('ready', () => {
    if (down) log.info(`socket.io over Redis ${where}: the ${role} connection is back`);
    down = false;
  });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    throw new RealtimeUnavailable(`the Redis server ${where} cannot be reached (${why}); check REDIS_URL and that Redis runs`, 'REDIS_URL', { cause: error });
  }
  connected = true;
  return client;
}

/**
 * socket.io's broadcasts through Redis pub/sub (@socket.io/redis-adapter with the `redis`
 * client): a publisher and a subscriber connection. Each keeps its commands in order, so the
 * other instances receive this instance's broadcasts in the order it made them. Returns what
 * closes both connections.
 */
export async function attachRedisAdapter(io: Server, url: string, log: Logger): Promise<() => Promise<void>> {
  const publisher = await connectClient(url, 'publisher', log);
  let subscriber;
  try {
    subscriber = await connectClient(url, 'subscriber', log);
  } catch (error) {
    publisher.destroy();
    throw error;
  }
  io.adapter(createAdapter(publisher, subscriber, { key: REDIS_CHANNEL_PREFIX }));
  const sub = subscriber;
  return async () => {
    await Promise.allSettled([publisher.close(), sub.close()]);
  };
}
