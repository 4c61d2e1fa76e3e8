import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../server/http/client-address.ts';
import { loadConfig } from '../../../server/config.ts';

describe('clientAddress', () => {
  const none = new Set<string>();
  const proxy = new Set(['10.0.0.1']);

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('192.168.1.20', '1.2.3.4', none)).toBe('192.168.1.20');
    expect(clientAddress('::ffff:192.168.1.20', undefined, none)).toBe('192.168.1.20');
  });

  it('reads X-Forwarded-For from the right when the peer is a trusted proxy', () => {
    expect(clientAddress('10.0.0.1', '192.168.1.20', proxy)).toBe('192.168.1.20');
    // The client cannot choose: it can only prepend, and the proxy appends what it saw.
    expect(clientAddress('10.0.0.1', '1.2.3.4, 192.168.1.20', proxy)).toBe('192.168.1.20');
    expect(clientAddress('::ffff:10.0.0.1', '192.168.1.20, 10.0.0.1', proxy)).toBe('192.168.1.20');
    expect(clientAddress('10.0.0.1', undefined, proxy)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'not-an-ip', proxy)).toBe('10.0.0.1');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('defaults to none and takes a comma-separated list of addresses', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, ::1' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '::1']);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.1, proxy.local' })).toThrow(/TRUSTED_PROXIES/);
  });
});
