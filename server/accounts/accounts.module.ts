import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { authRoutes } from './auth.routes.ts';
import { devicesRoutes } from './devices.routes.ts';
import { pairingKeys } from '../pairing/pairing-crypto.ts';
import { createLoginGuard } from './login-throttle.ts';
import { securityRoutes } from './security.routes.ts';
import { staffRoutes } from './staff.routes.ts';

/** Accounts: log-in (throttled), sessions, staff accounts, device tokens, the security audit. */
export function accountsModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'accounts',
    routes(deps) {
      const guardLogin = createLoginGuard({ clock: deps.clock, ids: deps.ids, store: deps.store, log: ctx.log, trustedProxies: ctx.config.TRUSTED_PROXIES });
      const onRevoked = ctx.revoke;
      return [
        authRoutes(deps, { secret: ctx.sessionSecret, onRevoked, guardLogin }),
        // A kiosk's, display's or rating screen's token comes with a short pairing code (issue #15).
        devicesRoutes(deps, { onRevoked, pairing: pairingKeys(ctx.sessionSecret) }),
        staffRoutes(deps, { onRevoked }),
        securityRoutes(deps),
      ];
    },
  };
}
