import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.schemas.ts';
import { DisplaySettingsSchema } from './display.schemas.ts';
import { AppointmentSettingsSchema } from './appointments.schemas.ts';
import { AlertSettingsSchema } from './alerts.schemas.ts';

/** A priority group (đối tượng ưu tiên); the list and its wording are the centre's to set. */
export const PriorityGroupSchema = z.object({ id: IdSchema, name: LocalizedTextSchema, active: z.boolean() }).meta({ id: 'PriorityGroup' });
export type PriorityGroup = z.infer<typeof PriorityGroupSchema>;

export const PriorityPolicySchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('strict') }),
    z.object({ mode: z.literal('interleaved'), normalPerPriority: z.number().int().min(1).max(20) }),
  ])
  .meta({ id: 'PriorityPolicy' });

/** Common groups in Vietnamese centres (DOMAIN.md); ages and wording are the centre's choice. */
export const DEFAULT_PRIORITY_GROUPS: PriorityGroup[] = [
  { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Elderly person' }, active: true },
  { id: 'nguoi-khuyet-tat', name: { vi: 'Người khuyết tật', en: 'Person with disability' }, active: true },
  { id: 'phu-nu-mang-thai', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant woman' }, active: true },
  { id: 'nguoi-co-cong', name: { vi: 'Người có công với cách mạng', en: 'Person with revolutionary merit' }, active: true },
];

export const KioskClosedServicesSchema = z.enum(['warn', 'hide', 'refuse']).meta({ id: 'KioskClosedServices' });
export type KioskClosedServices = z.infer<typeof KioskClosedServicesSchema>;

/** Printed copies of a kiosk ticket (issue #15): the citizen's, or the citizen's and the desk's. */
export const TicketCopiesSchema = z.union([z.literal(1), z.literal(2)]).meta({ id: 'TicketCopies' });
export type TicketCopies = z.infer<typeof TicketCopiesSchema>;

/** Everything a centre tunes without code. Every field has a default, so old rows stay valid. */
export const CentreSettingsSchema = z
  .object({
    priorityPolicy: PriorityPolicySchema.default({ mode: 'strict' }),
    priorityGroups: z.array(PriorityGroupSchema).max(20).default(DEFAULT_PRIORITY_GROUPS),
    /** After this long in the queue a ticket goes first, whatever its group or service order. */
    maxWaitMinutes: z.number().int().min(5).max(600).default(60),
    /** Recalls allowed; the recall after the last one marks the ticket a no-show. */
    maxRecalls: z.number().int().min(0).max(10).default(2),
    /** Unserved tickets stay callable the next business day instead of expiring at midnight. */
    carryOver: z.boolean().default(false),
    /** Used for wait estimates until the service has history. */
    defaultServiceMinutes: z.number().int().min(1).max(120).default(8),
    /** Per kiosk: tickets back to back, and sustained per minute. */
    kioskBurst: z.number().int().min(1).max(100).default(10),
    kioskPerMinute: z.number().int().min(1).max(600).default(20),
    /**
     * The kiosk's services that no open counter serves right now (issue #15): `warn` shows them
     * with "Chưa có quầy phục vụ" before the citizen taps, `hide` leaves them off the menu, and
     * `refuse` shows them unavailable and the server refuses their tickets (409 service.not_served).
     */
    kioskClosedServices: KioskClosedServicesSchema.default('warn'),
    /** Large print (issue #15): bigger text on the kiosk's screens and on the printed ticket (docs/large-print.md). */
    largePrint: z.boolean().default(false),
    /** Tickets printed per kiosk ticket (issue #15): 1, the citizen's; 2, the citizen's, a cut, then a desk copy ("Liên lưu tại quầy"), in one print job. */
    ticketCopies: TicketCopiesSchema.default(1),
    /** Ratings (issue #5): how long a counter's keypad stays armed after a ticket is finished there, s. */
    ratingWindowSeconds: z.number().int().min(10).max(600).default(60),
    /** Ratings: 4 levels (Rất hài lòng, Hài lòng, Bình thường, Không hài lòng) or 3 (no Bình thường). */
    ratingScale: z.union([z.literal(3), z.literal(4)]).default(4),
    /** Hall and counter displays: announcements, notice, profiles, branding (protocol/display.schemas.ts). */
    display: DisplaySettingsSchema.prefault({}),
    /** Appointments (issue #14): opening hours, slots, capacity, arrival window (protocol/appointments.schemas.ts). */
    appointments: AppointmentSettingsSchema.prefault({}),
    /** SLA alerts (issue #14, docs/alerts.md): every rule off until set. */
    alerts: AlertSettingsSchema.prefault({}),
    /** Result return (issue #14): a code the dossier system never sent is refused, or issued flagged "chưa tra được hồ sơ". */
    unknownDossier: z.enum(['refuse', 'issue-flagged']).default('refuse'),
    /** Result return: the queue of a ready dossier that names no return service (and of flagged tickets); null: none set. */
    dossierReturnServiceId: IdSchema.nullable().default(null),
    /** Result return: where `dossier.returned` is POSTed (docs/dossiers.md); null: no webhook. */
    dossierWebhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .default(null),
    /** The HMAC-SHA256 key of this centre's webhooks (X-Luot-Signature); null: webhooks wait, unsigned ones are never sent. */
    webhookSecret: z.string().min(16).max(200).nullable().default(null),
  })
  .meta({ id: 'CentreSettings' });
export type CentreSettings = z.infer<typeof CentreSettingsSchema>;

export const defaultSettings = (): CentreSettings => CentreSettingsSchema.parse({});
