import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/dossiers.md "Verifying a webhook"). The sender puts the Unix time in
 * seconds in `X-Luot-Timestamp` and `sha256=<hex>` in `X-Luot-Signature`, where hex is
 * HMAC-SHA256(secret, `${timestamp}.${rawBody}`). Signing the timestamp with the body lets a
 * receiver refuse a replayed old request; comparing in constant time keeps the secret's bytes
 * from leaking through timing.
 */
export const SIGNATURE_HEADER = 'X-Luot-Signature';
export const TIMESTAMP_HEADER = 'X-Luot-Timestamp';
export const EVENT_HEADER = 'X-Luot-Event';
export const DELIVERY_HEADER = 'X-Luot-Delivery';

/** How far a receiver should accept the timestamp from its own clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/** The receiver's check: a signature of this body and timestamp with this secret, and a timestamp near now. */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | null | undefined; signature: string | null | undefined },
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!headers.timestamp || !headers.signature || !/^\d{1,12}$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
