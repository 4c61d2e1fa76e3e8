import type { Deps } from '../kernel/ports.ts';

/** What the appointment use cases need beyond the common Deps. */
export interface AppointmentDeps extends Deps {
  /** A fresh 8-digit code (random; the use case retries on the rare clash within a centre). */
  newCode(): string;
}
