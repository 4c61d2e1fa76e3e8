import { z } from 'zod';
import { BusinessDaySchema, IdSchema, InstantSchema, LanguageSchema, LocalizedTextSchema } from './common.schemas.ts';
import { IssuedTicketSchema } from './print.schemas.ts';

/**
 * Appointments (đặt lịch hẹn, issue #14): the centre's booking rules, the public booking API (the
 * phone page and the province portal's `bookAppointment`), kiosk check-in and the report.
 * docs/appointments.md explains every rule.
 */

/** A wall-clock time in the centre's zone, `HH:MM` (24 h). */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** One opening period of a day, e.g. 07:30–11:30; `to` is after `from`. */
export const OpeningPeriodSchema = z
  .object({ from: LocalTimeSchema, to: LocalTimeSchema })
  .refine((p) => p.from < p.to, '"to" must be after "from"')
  .meta({ id: 'OpeningPeriod' });
export type OpeningPeriod = z.infer<typeof OpeningPeriodSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const morning: OpeningPeriod = { from: '07:30', to: '11:30' };
const afternoon: OpeningPeriod = { from: '13:30', to: '17:00' };
/** Monday to Friday 07:30–11:30 and 13:30–17:00, Saturday morning: as most Vietnamese centres work. */
export const DEFAULT_OPENING_HOURS: Record<Weekday, OpeningPeriod[]> = {
  mon: [morning, afternoon],
  tue: [morning, afternoon],
  wed: [morning, afternoon],
  thu: [morning, afternoon],
  fri: [morning, afternoon],
  sat: [morning],
  sun: [],
};

const periods = z.array(OpeningPeriodSchema).max(6);

/** Every key has a default, so settings stored before issue #14 stay valid. */
export const AppointmentSettingsSchema = z
  .object({
    /** Booking is open to citizens (the page and the API); check-in of existing bookings works either way. */
    enabled: z.boolean().default(false),
    openingHours: z
      .object({
        mon: periods.default(DEFAULT_OPENING_HOURS.mon),
        tue: periods.default(DEFAULT_OPENING_HOURS.tue),
        wed: periods.default(DEFAULT_OPENING_HOURS.wed),
        thu: periods.default(DEFAULT_OPENING_HOURS.thu),
        fri: periods.default(DEFAULT_OPENING_HOURS.fri),
        sat: periods.default(DEFAULT_OPENING_HOURS.sat),
        sun: periods.default(DEFAULT_OPENING_HOURS.sun),
      })
      .prefault({}),
    /** Days the centre is closed (Tết, national holidays), `YYYY-MM-DD`. */
    holidays: z.array(BusinessDaySchema).max(100).default([]),
    /** Length of a slot, minutes. */
    slotMinutes: z.number().int().min(5).max(120).default(15),
    /** Appointments per slot and service; a service of `capacityByService` uses its own (0: not bookable). */
    capacityPerSlot: z.number().int().min(0).max(100).default(2),
    capacityByService: z.record(IdSchema, z.number().int().min(0).max(100)).default({}),
    /** How many days ahead booking opens (0: today only). */
    bookingDaysAhead: z.number().int().min(0).max(90).default(14),
    /** Arrival window around the slot's start: this early … */
    arriveEarlyMinutes: z.number().int().min(0).max(120).default(15),
    /** … to this late. After it the appointment is a no-show. */
    arriveLateMinutes: z.number().int().min(0).max(120).default(10),
    /** Too early: say when to come back, or issue an ordinary walk-in ticket at once (same day only). */
    tooEarly: z.enum(['come_back', 'walk_in']).default('come_back'),
    /** Too late: issue an ordinary walk-in ticket, or refuse. */
    tooLate: z.enum(['walk_in', 'refuse']).default('walk_in'),
    /** Calling: at most this many appointment calls in a row at a counter … */
    maxInARow: z.number().int().min(1).max(20).default(2),
    /** … before a walk-in who has waited this long (minutes) is served. */
    walkInWaitMinutes: z.number().int().min(0).max(240).default(15),
  })
  .meta({ id: 'AppointmentSettings' });
export type AppointmentSettings = z.infer<typeof AppointmentSettingsSchema>;

/** booked → checked_in (a ticket was issued) | cancelled. A no-show is computed: booked past its arrival window. */
export const AppointmentStateSchema = z.enum(['booked', 'checked_in', 'cancelled']);
export type AppointmentState = z.infer<typeof AppointmentStateSchema>;

/** How the citizen arrived: in the window (the appointment's place), or served as an ordinary walk-in. */
export const CheckInKindSchema = z.enum(['on_time', 'early_walk_in', 'late_walk_in']);
export type CheckInKind = z.infer<typeof CheckInKindSchema>;

/** What the citizen may type or scan: 8 digits, spaces and dashes ignored. */
export const AppointmentCodeSchema = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{8}$/, 'an 8-digit code'));

export const AppointmentSchema = z
  .object({
    /** The short code: the citizen's key to check in and to cancel (shown as text and QR). */
    code: z.string(),
    centreId: IdSchema,
    serviceId: IdSchema,
    /** The slot's business day and start, in the centre's zone. */
    day: BusinessDaySchema,
    time: LocalTimeSchema,
    slotAt: InstantSchema,
    state: AppointmentStateSchema,
    /** Computed: booked and its arrival window is over. */
    noShow: z.boolean(),
    checkInKind: CheckInKindSchema.nullable(),
    checkedInAt: InstantSchema.nullable(),
    ticketId: IdSchema.nullable(),
    createdAt: InstantSchema,
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof AppointmentSchema>;

/** The phone page and the portal book with this; name and phone are optional and kept for the centre only. */
export const BookAppointmentBodySchema = z
  .object({
    serviceId: IdSchema,
    day: BusinessDaySchema,
    time: LocalTimeSchema,
    name: z.string().trim().max(100).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{6,20}$/, 'a phone number')
      .optional(),
  })
  .strict()
  .meta({ id: 'BookAppointmentBody' });
export type BookAppointmentBody = z.infer<typeof BookAppointmentBodySchema>;

export const SlotSchema = z
  .object({ time: LocalTimeSchema, at: InstantSchema, capacity: z.number().int().min(0), free: z.number().int().min(0) })
  .meta({ id: 'AppointmentSlot' });
export type Slot = z.infer<typeof SlotSchema>;

export const SlotsQuerySchema = z.object({ serviceId: IdSchema, day: BusinessDaySchema });

export const SlotListSchema = z
  .object({
    serviceId: IdSchema,
    day: BusinessDaySchema,
    /** Empty when the day is closed, a holiday, in the past or beyond `bookingDaysAhead`. */
    slots: z.array(SlotSchema),
  })
  .meta({ id: 'AppointmentSlots' });
export type SlotList = z.infer<typeof SlotListSchema>;

/** What the booking page needs to start: the services one may book and the days open for booking. */
export const BookingInfoSchema = z
  .object({
    centreId: IdSchema,
    centreName: LocalizedTextSchema,
    timeZone: z.string(),
    enabled: z.boolean(),
    services: z.array(z.object({ id: IdSchema, name: LocalizedTextSchema })),
    /** Business days from today to the last bookable one that are open (not closed, not a holiday). */
    days: z.array(BusinessDaySchema),
    arriveEarlyMinutes: z.number().int(),
    arriveLateMinutes: z.number().int(),
  })
  .meta({ id: 'BookingInfo' });
export type BookingInfo = z.infer<typeof BookingInfoSchema>;

export const CheckInBodySchema = z.object({ code: AppointmentCodeSchema }).strict().meta({ id: 'CheckInBody' });
export type CheckInBody = z.infer<typeof CheckInBodySchema>;

/**
 * The kiosk's answer: a ticket in the appointment's place (`checked_in`), an ordinary walk-in
 * ticket (`walk_in`, too early or too late by the centre's choice), or no ticket with the reason.
 */
export const CheckInResultSchema = z
  .discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('checked_in'), appointment: AppointmentSchema, issued: IssuedTicketSchema }),
    z.object({ outcome: z.literal('walk_in'), reason: z.enum(['too_early', 'too_late']), appointment: AppointmentSchema, issued: IssuedTicketSchema }),
    /** Come back from `comeBackAt` (the start of the arrival window). */
    z.object({ outcome: z.literal('too_early'), appointment: AppointmentSchema, comeBackAt: InstantSchema }),
    z.object({ outcome: z.literal('too_late'), appointment: AppointmentSchema }),
  ])
  .meta({ id: 'CheckInResult' });
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

/** One row of the appointments report: a day (and a service unless grouped by day only). */
export const AppointmentReportRowSchema = z.object({
  day: BusinessDaySchema,
  serviceId: IdSchema.nullable(),
  /** Booked and not cancelled. */
  booked: z.number().int(),
  cancelled: z.number().int(),
  /** Checked in within the window (the appointment's place) or early as a walk-in. */
  arrived: z.number().int(),
  /** Checked in after the window, served as a walk-in. */
  late: z.number().int(),
  /** Never checked in, window over. */
  noShows: z.number().int(),
});
export type AppointmentReportRow = z.infer<typeof AppointmentReportRowSchema>;

export const AppointmentReportQuerySchema = z.object({
  from: BusinessDaySchema,
  to: BusinessDaySchema,
  groupBy: z.enum(['day', 'service']).default('day'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: LanguageSchema.default('vi'),
});

export const AppointmentReportSchema = z
  .object({
    from: BusinessDaySchema,
    to: BusinessDaySchema,
    groupBy: z.enum(['day', 'service']),
    rows: z.array(AppointmentReportRowSchema),
    totals: AppointmentReportRowSchema,
  })
  .meta({ id: 'AppointmentReport' });
export type AppointmentReport = z.infer<typeof AppointmentReportSchema>;
