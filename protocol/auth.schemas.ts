import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.schemas.ts';

/**
 * Account roles and device kinds (server/accounts/principal.ts holds the same unions). The
 * province roles (issue #13) reach every centre: docs/security.md "Province-wide roles".
 */
export const RoleSchema = z.enum(['admin', 'manager', 'staff', 'province_admin', 'province_manager']).meta({ id: 'Role' });
/**
 * A rating screen (issue #10) is the citizen-facing screen of ONE counter: it may only rate there.
 * An integration (issue #14) is a system, not a screen: the province's dossier system.
 */
export const DeviceKindSchema = z.enum(['kiosk', 'display', 'bridge', 'rating-screen', 'integration']).meta({ id: 'DeviceKind' });
export type Role = z.infer<typeof RoleSchema>;
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** Usernames are unique across the deployment, lower-case: `lan`, `nguyen.van.a`. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'letters, digits, ".", "-" and "_", starting with a letter or digit');

/** Length is what makes a password strong; at least 8 (NIST SP 800-63B), no composition rules. */
export const NewPasswordSchema = z.string().min(8, 'at least 8 characters').max(200);

export const LoginBodySchema = z
  .object({ username: UsernameSchema, password: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'LoginBody' });
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const ChangePasswordBodySchema = z
  .object({ oldPassword: z.string().min(1).max(200), newPassword: NewPasswordSchema })
  .strict()
  .meta({ id: 'ChangePasswordBody' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** A staff account as the API shows it: never a password hash. */
export const AccountSchema = z
  .object({
    centreId: IdSchema,
    staffId: IdSchema,
    name: z.string(),
    username: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    /** Logged in with a one-time password: change it before anything else. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof AccountSchema>;

/** Who the caller is (getSession): an officer's session, a paired device, or nobody. */
export const SessionInfoSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('anonymous') }),
    z.object({ kind: z.literal('staff'), account: AccountSchema, expiresAt: InstantSchema }),
    z.object({
      kind: z.literal('device'),
      centreId: IdSchema,
      deviceId: IdSchema,
      deviceKind: DeviceKindSchema,
      name: z.string(),
      /** A rating screen's counter (id and the number it shows); absent for other devices. */
      counter: z.object({ id: IdSchema, number: z.number().int() }).optional(),
    }),
  ])
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** A kiosk, display or bridge token as listed: never its secret. */
export const DeviceTokenSchema = z
  .object({
    id: IdSchema,
    centreId: IdSchema,
    kind: DeviceKindSchema,
    name: z.string(),
    createdAt: InstantSchema,
    createdBy: IdSchema.nullable(),
    revokedAt: InstantSchema.nullable(),
    /** Last request made with it (recorded at most once a minute). */
    lastSeenAt: InstantSchema.nullable(),
    /** The counter a rating screen is paired with; null for other kinds. */
    counterId: IdSchema.nullable(),
  })
  .meta({ id: 'DeviceToken' });
export type DeviceToken = z.infer<typeof DeviceTokenSchema>;

export const CreateDeviceTokenBodySchema = z
  .object({
    kind: DeviceKindSchema,
    name: z.string().trim().min(1).max(80),
    /** Required for a rating screen (the one counter it rates), refused for other kinds. */
    counterId: IdSchema.optional(),
  })
  .strict()
  .refine((b) => (b.kind === 'rating-screen') === (b.counterId !== undefined), {
    message: 'a rating screen needs counterId; other devices take none',
    path: ['counterId'],
  })
  .meta({ id: 'CreateDeviceTokenBody' });
export type CreateDeviceTokenBody = z.infer<typeof CreateDeviceTokenBodySchema>;

/** The only time the secret is shown: `token` is `luot_<id>.<secret>`; keep it now or make another. */
export const CreatedDeviceTokenSchema = z.object({ device: DeviceTokenSchema, token: z.string() }).meta({ id: 'CreatedDeviceToken' });
export type CreatedDeviceToken = z.infer<typeof CreatedDeviceTokenSchema>;

/**
 * A login lock that started (issue #10, docs/security.md "Login throttling"): the audit of
 * throttled guessing at the centre's accounts. `subject` is the locked key: `user:<username>` or
 * `addr:<client address>`.
 */
export const SecurityEventSchema = z
  .object({
    id: IdSchema,
    at: InstantSchema,
    kind: z.enum(['login.locked']),
    subject: z.string(),
    username: z.string(),
    address: z.string(),
    failures: z.number().int(),
    lockSeconds: z.number().int(),
  })
  .meta({ id: 'SecurityEvent' });
export type SecurityEvent = z.infer<typeof SecurityEventSchema>;
