import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfig, hasNginx, SHIPPED_CONF, SHIPPED_LOCATIONS } from '../../helpers/nginx.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * The production config as shipped (deploy/nginx/luot.conf with its TLS server), checked by
 * Debian's `nginx -t` with a throwaway self-signed certificate in place of the placeholders. The
 * balancer test runs its map, upstream and locations; this checks the rest parses as well.
 */
if (!hasNginx()) {
  if (process.env.CI === 'true') throw new Error('nginx is not installed: CI=true requires it (apt-get install nginx).');
  console.warn('\n*** nginx is not installed (apt-get install nginx): the shipped nginx config is NOT checked. ***\n');
}
const dir = tempDir('luot-nginx-t');
afterAll(() => dir.remove());

describe.skipIf(!hasNginx())('deploy/nginx/luot.conf', () => {
  it('passes nginx -t with its TLS server, the locations snippet included', async () => {
    const cert = join(dir.path, 'cert.pem');
    const key = join(dir.path, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=luot.test', '-keyout', key, '-out', cert], {
      stdio: 'ignore',
    });
    const shipped = readFileSync(SHIPPED_CONF, 'utf8');
    expect(shipped).toContain('include /etc/nginx/snippets/luot-locations.conf;');
    const site = shipped
      .replace(/ssl_certificate \S+;/, `ssl_certificate ${cert};`)
      .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${key};`)
      .replace('include /etc/nginx/snippets/luot-locations.conf;', `include ${SHIPPED_LOCATIONS};`);
    const conf = join(dir.path, 'nginx.conf');
    const tmp = (name: string) => `${name}_temp_path ${join(dir.path, name)};`;
    writeFileSync(
      conf,
      ['events {}', 'http {', `access_log ${join(dir.path, 'access.log')};`, ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(tmp), site, '}'].join(
        '\n',
      ),
    );
    expect(await checkConfig(conf, dir.path)).toBeNull();
  });
});
