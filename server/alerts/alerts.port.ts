import type { AlertKind } from '../../protocol/index.ts';

/**
 * SLA alerts: the store's part (migration 0014 documents every column). Like ratings.port.ts,
 * the Store and every write transaction carry it. At most one open alert (cleared_at null) per
 * (centre, kind, subject): the store enforces it, so two instances evaluating at once raise one.
 */
export interface AlertRecord {
  id: string;
  centreId: string;
  kind: AlertKind;
  /** The service id, or the counter id for `counter_idle`. */
  subject: string;
  serviceId: string | null;
  counterId: string | null;
  threshold: number;
  value: number;
  peakValue: number;
  count: number | null;
  raisedAtMs: number;
  clearedAtMs: number | null;
}

/** What an idle rule needs of the waiting tickets: one indexed read. */
export interface WaitingForAlerts {
  serviceId: string;
  issuedAtMs: number;
  targetCounterId: string | null;
}

/** Alerts raised in a period, per kind and subject. */
export interface AlertCountRow {
  kind: AlertKind;
  subject: string;
  serviceId: string | null;
  counterId: string | null;
  count: number;
  /** Milliseconds raised, summed (open ones up to `untilMs`). */
  raisedMs: number;
  peakValue: number;
}

export interface AlertStore {
  /** The centre's open alerts (not cleared), oldest first. */
  openAlerts(centreId: string): Promise<AlertRecord[]>;
  /** Inserts the alert unless one is open for its (centre, kind, subject): true when this call raised it. */
  raiseAlert(alert: Omit<AlertRecord, 'clearedAtMs' | 'peakValue'>): Promise<boolean>;
  /** New figures of an open alert (the peak keeps the highest); false when it is no longer open. */
  updateAlert(id: string, figures: { threshold: number; value: number; count: number | null }): Promise<boolean>;
  /** Clears an open alert; true when this call cleared it. */
  clearAlert(id: string, atMs: number): Promise<boolean>;
  /** Every waiting ticket of the centre (any day), its queue, issue time and target counter. */
  waitingForAlerts(centreId: string): Promise<WaitingForAlerts[]>;
  /** A counter's last ticket event or counter event (call, finish, open, resume …), epoch ms. */
  lastCounterActivity(centreId: string, counterId: string): Promise<number | null>;
  /** Alerts raised in [fromMs, toMs), counted per kind and subject. */
  countAlerts(centreId: string, fromMs: number, toMs: number, untilMs: number): Promise<AlertCountRow[]>;
}
