import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

/**
 * test/ci-summary.mjs against real vitest JSON reports: a nested vitest run over the sample
 * files in test/fixtures/ci-sample (pass, mixed, and one that fails to load).
 */
const CONFIG = 'test/fixtures/ci-sample/vitest.config.mjs';
let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('luot-ci');
});
afterAll(() => dir?.remove());

function vitestReport(name: string, filters: string[]) {
  const out = join(dir.path, `${name}.json`);
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', CONFIG, '--reporter=json', `--outputFile=${out}`, ...filters], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: 60_000,
  });
  return { file: out, status: run.status };
}

function summary(...files: string[]) {
  const run = spawnSync(process.execPath, ['test/ci-summary.mjs', ...files], { encoding: 'utf8' });
  const lines = run.stdout.trimEnd().split('\n');
  return { status: run.status, lines, last: lines.at(-1) };
}

describe('test/ci-summary.mjs', () => {
  it('prints "N passed, 0 failed" as the last line of a green run', () => {
    const report = vitestReport('green', ['pass.sample']);
    expect(report.status).toBe(0);
    const s = summary(report.file);
    expect(s.lines).toEqual(['2 passed, 0 failed']);
    expect(s.status).toBe(0);
  });

  it('counts failures, load errors and skipped tests of a red run, and names the failures', () => {
    const report = vitestReport('red', []);
    expect(report.status).toBe(1);
    const raw = JSON.parse(readFileSync(report.file, 'utf8'));
    // What vitest itself reports: the broken file has no tests, so it is not in numFailedTests.
    expect({ passed: raw.numPassedTests, failed: raw.numFailedTests, pending: raw.numPendingTests, todo: raw.numTodoTests }).toEqual({
      passed: 4,
      failed: 1,
      pending: 1,
      todo: 1,
    });
    const s = summary(report.file);
    expect(s.last).toBe('4 passed, 2 failed, 2 skipped');
    expect(s.last).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
    expect(s.lines.join('\n')).toContain('a mixed file fails on purpose');
    expect(s.lines.join('\n')).toMatch(/broken\.sample\.ts: .*cannot load this file/);
  });

  it('adds up several reports (the usual projects and chaos) into one closing line', () => {
    const green = vitestReport('green2', ['pass.sample']);
    const red = vitestReport('red2', []);
    const s = summary(green.file, red.file);
    expect(s.last).toBe('6 passed, 2 failed, 2 skipped');
    expect(s.lines.join('\n')).toContain('a mixed file fails on purpose');
    const missing = summary(green.file, join(dir.path, 'missing.json'));
    expect(missing.last).toBe('2 passed, 1 failed');
    expect(missing.status).toBe(1);
  });

  it('still ends with a countable line when the report is missing or unreadable', () => {
    const garbage = join(dir.path, 'garbage.json');
    writeFileSync(garbage, '{ not json');
    for (const file of [join(dir.path, 'missing.json'), garbage]) {
      const s = summary(file);
      expect(s.last).toBe('0 passed, 1 failed');
      expect(s.status).toBe(1);
    }
  });
});
