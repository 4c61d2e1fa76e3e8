#!/usr/bin/env node
/**
 * Reads vitest's JSON report and prints a plain closing line for CI, exactly
 * `N passed, N failed` (then `, N skipped` when some were skipped or todo).
 *
 * A test file that failed to load has no test results of its own; it counts as one failure so a
 * broken file cannot hide behind "0 failed". Names of failures are listed above the closing line.
 * Several reports (.ci/run writes one for the usual projects and one for `chaos`) are added up
 * into one line; a missing or unreadable report counts as one failure.
 * Usage: node test/ci-summary.mjs <vitest-json-file> [<vitest-json-file>…]
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

/** Adds up the summaries of several reports into one closing line. */
export function combine(summaries) {
  const total = { passed: 0, failed: 0, skipped: 0, failedNames: [] };
  for (const s of summaries) {
    total.passed += s.passed;
    total.failed += s.failed;
    total.skipped += s.skipped;
    total.failedNames.push(...s.failedNames);
  }
  const line = `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
  return { ...total, line };
}

function main() {
  const files = process.argv.slice(2);
  const summaries = [];
  let unreadable = 0;
  if (files.length === 0) {
    unreadable += 1;
    process.stdout.write('ci-summary: no usable vitest report (usage: node test/ci-summary.mjs <vitest-json-file>…)\n');
    summaries.push({ passed: 0, failed: 1, skipped: 0, failedNames: [] });
  }
  for (const file of files) {
    try {
      summaries.push(summarize(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (error) {
      process.stdout.write(`ci-summary: no usable vitest report in ${file} (${error instanceof Error ? error.message : String(error)})\n`);
      unreadable += 1;
      summaries.push({ passed: 0, failed: 1, skipped: 0, failedNames: [] });
    }
  }
  const { failedNames, line } = combine(summaries);
  if (failedNames.length > 0) {
    process.stdout.write(`Failed:\n${failedNames.map((n) => `  ${n}`).join('\n')}\n`);
  }
  process.stdout.write(`${line}\n`);
  if (unreadable > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
