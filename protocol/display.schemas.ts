import { z } from 'zod';
import { IdSchema } from './common.schemas.ts';

/**
 * How hall displays announce calls aloud (docs/voice.md). Every field has a default, so a
 * centre's stored settings from before this existed stay valid.
 */
export const AnnouncementSettingsSchema = z
  .object({
    /** Hall displays speak calls; a single display can still be silenced with `?voice=off`. */
    enabled: z.boolean().default(true),
    /** Number words: north (nghìn, linh) or south (ngàn, lẻ). */
    dialect: z.enum(['north', 'south']).default('north'),
    /** words: "một nghìn không trăm hai mươi lăm"; digits: "một không hai năm". */
    numberReading: z.enum(['words', 'digits']).default('words'),
    /** "hai mươi tư" (true) or "hai mươi bốn" for a final 4 after twenty and up. */
    fourAsTu: z.boolean().default(true),
    /** How many times each call is said, after one chime. */
    repeat: z.number().int().min(1).max(3).default(1),
    /** A chime before each announcement. */
    chime: z.boolean().default(true),
    /** auto: the browser's Vietnamese voice when it has one, else the recorded clips (/voice/). */
    voice: z.enum(['auto', 'speech', 'clips']).default('auto'),
  })
  .meta({ id: 'AnnouncementSettings' });
export type AnnouncementSettings = z.infer<typeof AnnouncementSettingsSchema>;

/**
 * A named set of services and counters for the displays of one hall (`/display?profile=<id>`):
 * big centres have several halls, each with its own screens. Empty lists mean "all".
 */
export const DisplayProfileSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(120),
    serviceIds: z.array(IdSchema).max(100).default([]),
    counterIds: z.array(IdSchema).max(300).default([]),
    /** Whether displays of this profile speak (a second screen in the same hall should not). */
    announce: z.boolean().default(true),
  })
  .meta({ id: 'DisplayProfile' });
export type DisplayProfile = z.infer<typeof DisplayProfileSchema>;

/** A logo for the displays' header: a path on this server, an http(s) URL or a small data: image. */
const LogoUrlSchema = z
  .string()
  .max(20_000)
  .regex(/^$|^\/(?!\/)|^https?:\/\/|^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/, 'a /path, an http(s) URL or a data:image URL');

/**
 * Branding without code: `--luot-*` custom properties (web-shared/ui/theme.css) and their values,
 * applied on the display pages. Values cannot end the declaration or open a block.
 */
const ThemeSchema = z.record(
  z.string().regex(/^--luot-[a-z0-9-]{1,60}$/, 'a --luot-* custom property'),
  z
    .string()
    .max(300)
    .regex(/^[^;{}<>\\]*$/, 'a plain CSS value'),
);

/** What the hall and counter displays show and say; part of CentreSettings and of every Snapshot. */
export const DisplaySettingsSchema = z
  .object({
    announcement: AnnouncementSettingsSchema.prefault({}),
    /** The line scrolling along the bottom of hall displays; empty: none. */
    notice: z.object({ vi: z.string().max(500).default(''), en: z.string().max(500).default('') }).prefault({}),
    /** Calls listed under the newest one on hall displays. */
    recentCalls: z.number().int().min(0).max(9).default(6),
    /** Counter displays show the name of the officer at the counter. */
    showOfficerName: z.boolean().default(true),
    logoUrl: LogoUrlSchema.default(''),
    theme: ThemeSchema.default({}),
    profiles: z
      .array(DisplayProfileSchema)
      .max(50)
      .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'display profile ids must be unique')
      .default([]),
  })
  .meta({ id: 'DisplaySettings' });
export type DisplaySettings = z.infer<typeof DisplaySettingsSchema>;

export const defaultDisplaySettings = (): DisplaySettings => DisplaySettingsSchema.parse({});
