import { z } from 'zod';
import { IdSchema } from '../../protocol/common.schemas.ts';
import { DEFAULT_BAUD_RATE, KEYPAD_ID } from './keypad-protocol.ts';

/**
 * One rating keypad in the bridge's config file (`keypads: [...]`, docs/firmware-bridge.md):
 * which serial port it is on and which counter it stands at. The keypad id → counter mapping
 * lives here, on the PC the keypad is plugged into, like printers' kiosks.
 */
export const KeypadConfigSchema = z
  .object({
    id: z
      .string()
      .regex(KEYPAD_ID, '1–20 letters, digits, "-" or "_"')
      .describe('The id the keypad sends in every frame (its HELLO and PRESS); unique on this bridge, and not a printer id.'),
    path: z
      .union([
        // Absolute: /dev/… usually, but a udev rule or socat may put a link anywhere.
        z.string().regex(/^\/\S+$/, 'an absolute device path such as /dev/ttyUSB0 or /dev/serial/by-id/…'),
        z.literal('simulate'),
      ])
      .describe(
        'The serial port: /dev/serial/by-id/… (stable across replugging), /dev/ttyUSB0, /dev/ttyACM0; or "simulate" (a keypad inside the bridge, for demos).',
      ),
    baudRate: z.number().int().positive().default(DEFAULT_BAUD_RATE).describe('Line speed, 8N1; the protocol default is 9600.'),
    counterId: IdSchema.describe('The counter it stands at: the counter id of the admin page, e.g. "quay-3".'),
    simulatePressAfterMs: z
      .number()
      .int()
      .min(0)
      .max(600_000)
      .nullable()
      .default(null)
      .describe('Simulated keypads only: press a random button this long after being armed (null: never by itself).'),
  })
  .strict();
export type KeypadConfig = z.infer<typeof KeypadConfigSchema>;
export type KeypadConfigInput = z.input<typeof KeypadConfigSchema>;
