import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../protocol/pairing.schemas.ts';
import { loadConfig, publicUrlWarning } from '../../../server/config.ts';

/** The start-up warning (issue #15): PUBLIC_URL unset while devices on the LAN may connect. */
const warningAt = (env: Record<string, string>) => publicUrlWarning(loadConfig({ DATA_DIR: '/tmp/luot-unused', ...env }));

describe('the PUBLIC_URL warning at start', () => {
  it('is said when the server listens beyond this machine without PUBLIC_URL', () => {
    const warning = warningAt({ HOST: '0.0.0.0' });
    expect(warning).toContain('PUBLIC_URL is unset');
    expect(warning).toContain('0.0.0.0');
    expect(warningAt({ HOST: '192.168.1.10' })).toContain('192.168.1.10');
  });

  it('is not said on a loopback host, nor with PUBLIC_URL set', () => {
    expect(warningAt({ HOST: '127.0.0.1' })).toBeNull();
    expect(warningAt({ HOST: 'localhost' })).toBeNull();
    expect(warningAt({ HOST: '0.0.0.0', PUBLIC_URL: 'http://192.168.1.10:3000' })).toBeNull();
  });

  it('knows loopback hosts (the server and the admin page use the same rule)', () => {
    for (const h of ['127.0.0.1', '127.0.1.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'luot.local', '10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
