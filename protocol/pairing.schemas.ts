import { z } from 'zod';
import { CreatedDeviceTokenSchema, DeviceKindSchema, DeviceTokenSchema } from './auth.schemas.ts';
import { InstantSchema } from './common.schemas.ts';

/**
 * Pairing a device with a short one-time code (issue #15, docs/security.md "Devices and pairing"):
 * the admin makes a kiosk, display or rating-screen token and gets, besides it, a code like
 * `K7M4-QX9P` valid for 15 minutes; typed on the device it is exchanged once for the token.
 */
export const PairingCodeSchema = z
  .object({
    /** Eight characters from an alphabet without look-alikes, shown in two groups of four. */
    code: z.string(),
    expiresAt: InstantSchema,
  })
  .meta({ id: 'PairingCode' });
export type PairingCode = z.infer<typeof PairingCodeSchema>;

/** createDeviceToken's answer: the token, and for a kiosk, display or rating screen its pairing code. */
export const CreatedDeviceWithPairingSchema = CreatedDeviceTokenSchema.extend({
  pairing: PairingCodeSchema.optional(),
}).meta({ id: 'CreatedDeviceWithPairing' });
export type CreatedDeviceWithPairing = z.infer<typeof CreatedDeviceWithPairingSchema>;

export const RedeemPairingBodySchema = z
  .object({
    /** As typed: lower case, spaces and dashes are accepted. */
    code: z.string().min(1).max(32),
    /** The page asking (kiosk, display, rating-screen): a code made for another kind is refused and stays usable. */
    kind: DeviceKindSchema.optional(),
  })
  .meta({ id: 'RedeemPairingBody' });
export type RedeemPairingBody = z.infer<typeof RedeemPairingBodySchema>;

/** The device token, handed over exactly once. */
export const RedeemedPairingSchema = z.object({ token: z.string(), device: DeviceTokenSchema }).meta({ id: 'RedeemedPairing' });
export type RedeemedPairing = z.infer<typeof RedeemedPairingSchema>;

/** What the admin page needs to build pairing addresses. */
export const PairingInfoSchema = z
  .object({
    /** PUBLIC_URL when set; null: addresses are built from the address the admin is browsing from. */
    publicUrl: z.string().nullable(),
    /** How long a pairing code lives. */
    codeMinutes: z.number().int(),
  })
  .meta({ id: 'PairingInfo' });
export type PairingInfo = z.infer<typeof PairingInfoSchema>;

export const RevokedPairingSchema = z.object({ revoked: z.number().int() }).meta({ id: 'RevokedPairing' });
export type RevokedPairing = z.infer<typeof RevokedPairingSchema>;

/**
 * Whether only this machine reaches `host` (127.0.0.0/8, ::1, localhost): a pairing address or
 * QR code built on it cannot be opened by another device. Used by the server (its start-up
 * warning) and the admin page (its warning).
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
