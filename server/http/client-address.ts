import { isIP } from 'node:net';
import type { Context } from 'hono';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`. */
export const normalizeAddress = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();

/**
 * Who is really asking. The socket's peer, unless that peer is one of TRUSTED_PROXIES: then the
 * X-Forwarded-For chain is read from the right (each proxy appends the address it saw), skipping
 * trusted proxies, and the first other address is the client. A peer that is not trusted cannot
 * choose its address by sending the header. docs/configuration.md TRUSTED_PROXIES.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trustedProxies: ReadonlySet<string>): string {
  let address = normalizeAddress(peer);
  if (!trustedProxies.has(address) || !forwardedFor) return address;
  const chain = forwardedFor.split(',').map((a) => normalizeAddress(a.trim()));
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i]!;
    if (isIP(hop) === 0) return address; // garbage in the chain: trust it no further
    address = hop;
    if (!trustedProxies.has(hop)) return hop;
  }
  return address;
}

/** The socket's remote address under @hono/node-server (Node, and Bun through node:http). */
export function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export const requestAddress = (c: Context, trustedProxies: ReadonlySet<string>): string =>
  clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trustedProxies);
