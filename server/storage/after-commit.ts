import type { AfterCommit } from '../kernel/store.port.ts';

/**
 * Runs a committed transaction's after-commit work in registration order. The commit stands
 * whatever the work does: one that throws is reported and the rest still run.
 */
export function runAfterCommit(work: readonly AfterCommit[], onError: (error: unknown) => void = defaultReport): void {
  for (const w of work) {
    try {
      w();
    } catch (error) {
      onError(error);
    }
  }
}

function defaultReport(error: unknown): void {
  console.error('after-commit work failed', error);
}
