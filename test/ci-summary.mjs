#!/usr/bin/env node
/**
 * Reads vitest's JSON report and prints a plain closing line for CI, exactly
 * `N passed, N failed` (then `, N skipped` when some were skipped or todo).
 *
 * A test file that failed to load has no test results of its own; it counts as one failure so a
 * broken file cannot hide behind "0 failed". Names of failures are listed above the closing line.
 * Usage: node test/ci-summary.mjs <vitest-json-file>
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export function summarize(report) {
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const failedNames = [];
  let loadFailures = 0;
  for (const file of files) {
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    for (const a of assertions) if (a.status === 'failed') failedNames.push(`${relative(process.cwd(), file.name)} > ${a.fullName}`);
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      loadFailures += 1;
      failedNames.push(`${relative(process.cwd(), file.name)}: ${String(file.message || 'failed to run').split('\n')[0]}`);
    }
  }
  const passed = Number(report.numPassedTests) || 0;
  const failed = (Number(report.numFailedTests) || 0) + loadFailures;
  const skipped = (Number(report.numPendingTests) || 0) + (Number(report.numTodoTests) || 0);
  const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  return { passed, failed, skipped, failedNames, line };
}

function main() {
  const file = process.argv[2];
  let report;
  try {
    if (!file) throw new Error('usage: node test/ci-summary.mjs <vitest-json-file>');
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stdout.write(`ci-summary: no usable vitest report (${error instanceof Error ? error.message : String(error)})\n`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exitCode = 1;
    return;
  }
  const { failedNames, line } = summarize(report);
  if (failedNames.length > 0) {
    process.stdout.write(`Failed:\n${failedNames.map((n) => `  ${n}`).join('\n')}\n`);
  }
  process.stdout.write(`${line}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
