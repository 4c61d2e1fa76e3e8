import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import { pairingKeys } from './pairing-crypto.ts';
import { pairingRoutes } from './pairing.routes.ts';

/**
 * Pairing devices with a short one-time code (issue #15, docs/security.md "Devices and pairing").
 * The code is made with the token (accounts/devices.routes.ts calls createDeviceTokenWithPairing); here: the
 * redeem, the admin's setup read and withdrawal (the start-up warning about PUBLIC_URL: config.ts publicUrlWarning).
 */
export function pairingModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'pairing',
    routes: (deps) => [
      pairingRoutes({ deps, keys: pairingKeys(ctx.sessionSecret) }, { trustedProxies: ctx.config.TRUSTED_PROXIES, publicUrl: ctx.config.PUBLIC_URL ?? null }),
    ],
  };
}
