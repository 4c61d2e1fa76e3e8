import { z } from 'zod';
import { AccountSchema, NewPasswordSchema, RoleSchema, UsernameSchema } from './auth.schemas.ts';

/** A staff member's full name as shown on the console and in the admin page. */
export const StaffNameSchema = z.string().trim().min(1).max(120);

/**
 * A new account (createStaff). Without `password` the server makes a one-time password and
 * answers it once; with one, the account still has to change it at its first login unless
 * `mustChangePassword` is false (the admin chose it and will hand it over in person).
 */
export const CreateStaffBodySchema = z
  .object({
    username: UsernameSchema,
    name: StaffNameSchema,
    role: RoleSchema,
    password: NewPasswordSchema.optional(),
    mustChangePassword: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'CreateStaffBody' });
export type CreateStaffBody = z.infer<typeof CreateStaffBodySchema>;
/** What a client sends: `mustChangePassword` may be left out. */
export type CreateStaffRequest = z.input<typeof CreateStaffBodySchema>;

/** Changes to an account (updateStaff); fields left out stay as they are. */
export const UpdateStaffBodySchema = z
  .object({ name: StaffNameSchema.optional(), role: RoleSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.role !== undefined || b.active !== undefined, 'name, role or active is needed')
  .meta({ id: 'UpdateStaffBody' });
export type UpdateStaffBody = z.infer<typeof UpdateStaffBodySchema>;

/**
 * An account with the password it was just given: `oneTimePassword` is shown this once (null
 * when the admin chose the password); the account must change it at its next login.
 */
export const StaffWithPasswordSchema = z.object({ account: AccountSchema, oneTimePassword: z.string().nullable() }).meta({ id: 'StaffWithPassword' });
export type StaffWithPassword = z.infer<typeof StaffWithPasswordSchema>;
