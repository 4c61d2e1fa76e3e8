import { describe, expect, it } from 'vitest';
import { acknowledged, afterAttempt, deliveryStatus, retryDelayMs } from '../../../server/webhooks/webhooks.models.ts';
import { signWebhook, verifyWebhook } from '../../../server/webhooks/webhook-signature.ts';

const policy = { baseMs: 10_000, capMs: 3_600_000, maxAttempts: 4 };

describe('webhook retries', () => {
  it('waits base × 2^(n−1) after the n-th failure, capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(20, policy)).toBe(3_600_000);
    expect(retryDelayMs(500, policy)).toBe(3_600_000);
  });
  it('only a 2xx acknowledges', () => {
    expect([200, 204, 299].every(acknowledged)).toBe(true);
    expect([199, 301, 400, 500].some(acknowledged)).toBe(false);
  });
  it('delivered on a 2xx, retried on a failure, given up after the maximum', () => {
    expect(afterAttempt(0, { status: 200 }, 1000, policy)).toEqual({ attempts: 1, deliveredAtMs: 1000 });
    expect(afterAttempt(0, { status: 500 }, 1000, policy)).toEqual({ attempts: 1, error: 'HTTP 500', nextAttemptAtMs: 11_000 });
    expect(afterAttempt(2, { error: 'ECONNREFUSED' }, 1000, policy)).toEqual({ attempts: 3, error: 'ECONNREFUSED', nextAttemptAtMs: 41_000 });
    expect(afterAttempt(3, { status: 302 }, 1000, policy)).toEqual({ attempts: 4, error: 'HTTP 302', gaveUpAtMs: 1000 });
  });
  it('says pending, delivered or failed', () => {
    expect(deliveryStatus({ deliveredAtMs: null, gaveUpAtMs: null })).toBe('pending');
    expect(deliveryStatus({ deliveredAtMs: 1, gaveUpAtMs: null })).toBe('delivered');
    expect(deliveryStatus({ deliveredAtMs: null, gaveUpAtMs: 1 })).toBe('failed');
  });
});

describe('webhook signatures', () => {
  const secret = 'a-centre-secret-of-32-characters';
  const body = '{"event":"dossier.returned"}';
  it('is HMAC-SHA256 over "<timestamp>.<raw body>", hex, prefixed sha256=', () => {
    // echo -n '1764730000.{"event":"dossier.returned"}' | openssl dgst -sha256 -hmac a-centre-secret-of-32-characters
    expect(signWebhook(secret, 1764730000, body)).toBe('sha256=ace6204faadbba3dd0a228fa003bf2f5daa94653e0324dd6727dee7514be2e0e');
    expect(signWebhook(secret, 1764730000, body)).not.toBe(signWebhook(secret, 1764730001, body));
  });
  it('verifies its own signature near the time, and nothing else', () => {
    const sig = signWebhook(secret, 1764730000, body);
    expect(verifyWebhook(secret, { timestamp: '1764730000', signature: sig }, body, 1764730100)).toBe(true);
    expect(verifyWebhook(secret, { timestamp: '1764730000', signature: sig }, body + ' ', 1764730100)).toBe(false);
    expect(verifyWebhook('another-secret-of-some-length', { timestamp: '1764730000', signature: sig }, body, 1764730100)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: '1764730000', signature: sig }, body, 1764730000 + 301)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: null, signature: sig }, body, 1764730000)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: '1764730000', signature: 'sha256=00' }, body, 1764730000)).toBe(false);
  });
});
