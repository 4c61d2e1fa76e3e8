import { z } from 'zod';
import { IdSchema, InstantSchema, LocalizedTextSchema } from './common.schemas.ts';
import { rangeFields } from './reports.schemas.ts';

/**
 * SLA alerts (issue #14, docs/alerts.md): a centre's thresholds, the alerts they raise, the
 * `/centre` fact that raises, updates and clears one, and the alerts report.
 */

/** A threshold for every service, with per-service overrides (service id → threshold). 0 switches the rule off. */
const perService = (max: number) =>
  z.object({
    /** For every service without an override; 0: off. */
    default: z.number().int().min(0).max(max).default(0),
    /** Overrides by service id; 0 switches the rule off for that service. */
    services: z.record(IdSchema, z.number().int().min(0).max(max)).default({}),
  });

/** A centre's alert thresholds. Every rule is off (0 / null) until the centre sets it, so old rows stay valid. */
export const AlertSettingsSchema = z
  .object({
    /** Longest a ticket may wait, minutes: beyond it the service has a `wait` alert. */
    maxWaitMinutes: perService(600).prefault({}),
    /** Most tickets a service's queue may hold: beyond it a `queue_length` alert. */
    maxQueueLength: perService(10_000).prefault({}),
    /**
     * Longest an open counter may stay idle, minutes: open (not paused), attending no ticket, while
     * tickets it could call wait. Idle since its last call, finish, opening or resume — or since the
     * oldest such ticket arrived, whichever is later.
     */
    maxIdleMinutes: z.number().int().min(0).max(600).default(0),
    /** Tickets of a service have waited this long, minutes, and no open counter serves it: a `no_open_counter` alert. 0: off. */
    noOpenCounterMinutes: z.number().int().min(0).max(600).default(0),
    /** Raised and cleared alerts are POSTed here (signed, retried), when set. */
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .default(null),
  })
  .meta({ id: 'AlertSettings' });
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

export const AlertKindSchema = z.enum(['wait', 'queue_length', 'counter_idle', 'no_open_counter']);
export type AlertKind = z.infer<typeof AlertKindSchema>;
export const ALERT_KINDS = AlertKindSchema.options;

/**
 * One alert as screens see it. `value` is what was measured last (minutes for `wait` — the
 * longest wait —, `counter_idle` and `no_open_counter`; tickets for `queue_length`), `peakValue`
 * the highest measured while it was raised; `count` (wait only) how many tickets wait beyond the
 * threshold.
 */
export const AlertViewSchema = z
  .object({
    id: IdSchema,
    kind: AlertKindSchema,
    /** The service it is about (every kind but `counter_idle`). */
    serviceId: IdSchema.nullable(),
    /** The counter it is about (`counter_idle`). */
    counterId: IdSchema.nullable(),
    threshold: z.number().int().min(0),
    value: z.number().int().min(0),
    peakValue: z.number().int().min(0),
    count: z.number().int().min(0).nullable(),
    raisedAt: InstantSchema,
    /** Set once the cause is gone. */
    clearedAt: InstantSchema.nullable(),
  })
  .meta({ id: 'Alert' });
export type AlertView = z.infer<typeof AlertViewSchema>;

/** `/centre` `alert:changed`: an alert was raised, its figures changed, or it cleared (`clearedAt` set). Sequenced like queue facts. */
export const AlertChangedEventSchema = z.object({ seq: z.number().int().min(0), alert: AlertViewSchema });
export type AlertChangedEvent = z.infer<typeof AlertChangedEventSchema>;

export const AlertReportQuerySchema = z.object({ from: rangeFields.from, to: rangeFields.to });
export type AlertReportQuery = z.infer<typeof AlertReportQuerySchema>;

/** Alerts raised in a period (by the local day they were raised on), per kind and subject. */
export const AlertReportRowSchema = z
  .object({
    kind: AlertKindSchema,
    serviceId: IdSchema.nullable(),
    counterId: IdSchema.nullable(),
    /** The service's name, or "Quầy 3" / "Counter 3". */
    name: LocalizedTextSchema,
    count: z.number().int().min(0),
    /** Minutes they stayed raised, summed (still-open ones up to now). */
    minutes: z.number().int().min(0),
    /** The highest value measured (see AlertView.value for its unit). */
    peakValue: z.number().int().min(0),
  })
  .meta({ id: 'AlertReportRow' });
export type AlertReportRow = z.infer<typeof AlertReportRowSchema>;

export const AlertReportSchema = z
  .object({ from: z.string(), to: z.string(), rows: z.array(AlertReportRowSchema), active: z.array(AlertViewSchema) })
  .meta({ id: 'AlertReport' });
export type AlertReport = z.infer<typeof AlertReportSchema>;

/** The webhook body of an alert (kind `alert.raised` / `alert.cleared`). */
export const AlertWebhookBodySchema = z.object({
  event: z.enum(['alert.raised', 'alert.cleared']),
  centreId: IdSchema,
  alert: AlertViewSchema,
});
export type AlertWebhookBody = z.infer<typeof AlertWebhookBodySchema>;
