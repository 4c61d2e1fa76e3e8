import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE, JobJournal } from '../../firmware-bridge/job-journal.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('the at-most-once journal', () => {
  it('remembers printed, started and failed job ids across restarts', () => {
    const dir = tempDir('luot-journal');
    try {
      const first = new JobJournal(dir.path);
      first.begin('a');
      first.printed('a');
      first.begin('b');
      first.begin('c');
      first.failed('c', 'printer.offline');
      first.close();
      const again = new JobJournal(dir.path);
      expect([again.stateOf('a'), again.stateOf('b'), again.stateOf('c'), again.stateOf('d')]).toEqual(['printed', 'printing', 'failed', null]);
      again.close();
    } finally {
      dir.remove();
    }
  });

  it('survives a line cut by a power loss', () => {
    const dir = tempDir('luot-journal');
    try {
      const j = new JobJournal(dir.path);
      j.begin('a');
      j.printed('a');
      j.close();
      appendFileSync(join(dir.path, JOURNAL_FILE), '{"jobId":"b","sta');
      const again = new JobJournal(dir.path);
      expect(again.stateOf('a')).toBe('printed');
      expect(again.stateOf('b')).toBeNull();
      again.begin('c');
      again.close();
      expect(new JobJournal(dir.path).stateOf('c')).toBe('printing');
      expect(readFileSync(join(dir.path, JOURNAL_FILE), 'utf8')).toContain('"jobId":"c"');
    } finally {
      dir.remove();
    }
  });
});
