/**
 * Gives an existing account a province role, from the server machine (docs/deployment.md, "The
 * first province administrator"). It reads the same settings as the server (DATABASE_URL, or
 * DATA_DIR for the embedded store), so run it with the service's environment:
 *
 *   npm run account:province -- <username> [--role province_admin|province_manager|admin]
 *
 * Prints one line; exit 0 when the role was set, 1 when refused, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { grantProvinceRole } from '../server/accounts/province-role.usecases.ts';
import type { Role } from '../server/accounts/principal.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { describeStore, openStore } from '../server/storage/open-store.ts';

const USAGE = 'usage: npm run account:province -- <username> [--role province_admin|province_manager|admin]';
const ROLES: readonly Role[] = ['province_admin', 'province_manager', 'admin'];

async function main(argv: string[]): Promise<number> {
  let username: string | undefined;
  let role: string;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { role: { type: 'string', default: 'province_admin' } },
      allowPositionals: true,
      strict: true,
    });
    [username] = positionals;
    role = values.role;
    if (!username || positionals.length > 1 || !ROLES.includes(role as Role))
      throw new Error(username ? `--role must be one of ${ROLES.join(', ')}` : 'a username is required');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  const store = await openStore(config);
  try {
    const result = await grantProvinceRole({ store, now: () => Date.now() }, { username, role: role as Role });
    if (!result.ok) {
      process.stderr.write(`No account "${username}" in ${describeStore(config)} (Không có tài khoản này).\n`);
      return 1;
    }
    process.stdout.write(
      `"${username}" (centre ${result.centreId}) is now ${role}, was ${result.previous}; its sessions ended, the new role applies at its next login.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`account:province: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
