import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { bearerMatches } from '../../../server/operations/metrics.routes.ts';

const TOKEN = 'a'.repeat(31) + 'b';

describe('METRICS_TOKEN', () => {
  it('is optional; empty means unset', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });

  it('is refused shorter than 32 characters, or with spaces, in one readable line', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^Invalid configuration: METRICS_TOKEN: at least 32 characters$/);
    expect(() => loadConfig({ METRICS_TOKEN: `${TOKEN} x` })).toThrow(/^Invalid configuration: METRICS_TOKEN: printable ASCII/);
  });
});

describe('the bearer check', () => {
  it('accepts exactly `Bearer <token>` (scheme in any case)', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const header of [undefined, '', TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, `Bearer ${TOKEN} extra`]) {
      expect(bearerMatches(header, TOKEN), String(header)).toBe(false);
    }
  });
});
