import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001_init.ts';
import * as m0002 from './0002_counter_workflow.ts';
import * as m0003 from './0003_accounts.ts';
import * as m0004 from './0004_print_jobs.ts';
import * as m0005 from './0005_ratings.ts';
import * as m0006 from './0006_report_rollups.ts';
import * as m0007 from './0007_hot_path.ts';
import * as m0008 from './0008_rating_screens.ts';
import * as m0009 from './0009_security_events.ts';
import * as m0010 from './0010_centre_address.ts';
import * as m0011 from './0011_shared_claims.ts';
import * as m0012 from './0012_dossiers.ts';
import * as m0013 from './0013_appointments.ts';
import * as m0014 from './0014_alerts.ts';
import * as m0015 from './0015_pairing_codes.ts';
import { StoreUnavailable } from '../store-faults.ts';

/** Versioned migrations, applied in name order at start. Never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_counter_workflow': m0002,
  '0003_accounts': m0003,
  '0004_print_jobs': m0004,
  '0005_ratings': m0005,
  '0006_report_rollups': m0006,
  '0007_hot_path': m0007,
  '0008_rating_screens': m0008,
  '0009_security_events': m0009,
  '0010_centre_address': m0010,
  '0011_shared_claims': m0011,
  '0012_dossiers': m0012,
  '0013_appointments': m0013,
  '0014_alerts': m0014,
  '0015_pairing_codes': m0015,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** This code's migrations by name: a store that records others was made by a newer Luot (the restore tool refuses it). */
export const migrationNames: readonly string[] = Object.keys(migrations);

// Kysely<any> on purpose (Kysely's documented practice): a migration must not depend on today's schema.
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  // The store cannot be reached or written (store-faults.ts): that, not a broken migration.
  if (error instanceof StoreUnavailable) throw error;
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
