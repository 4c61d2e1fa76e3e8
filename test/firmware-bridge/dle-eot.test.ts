import { describe, expect, it } from 'vitest';
import { parseStatus, readStatus, type StatusQuery } from '../../firmware-bridge/printer/dle-eot.ts';

/** Answers by the query's n, as an Epson printer would. */
const printer =
  (answers: Partial<Record<1 | 2 | 4, number | null>>): StatusQuery =>
  async (q) =>
    answers[q[2] as 1 | 2 | 4] ?? null;

describe('DLE EOT real-time status', () => {
  it('reads a ready printer', async () => {
    expect(await readStatus(printer({ 1: 0x12, 4: 0x12 }), 100)).toEqual({ status: 'ok' });
  });

  it('tells paper low (still prints) from paper out', async () => {
    expect((await readStatus(printer({ 1: 0x12, 4: 0x1e }), 100)).status).toBe('paper_low');
    expect((await readStatus(printer({ 1: 0x1a, 2: 0x32, 4: 0x72 }), 100)).status).toBe('paper_out');
    // Paper end reported only by the offline cause (no roll sensor answer).
    expect(parseStatus({ printer: 0x1a, offlineCause: 0x32, paper: null }).status).toBe('paper_out');
  });

  it('asks the offline cause only when offline: cover open, error', async () => {
    const asked: number[] = [];
    const q: StatusQuery = async (bytes) => {
      asked.push(bytes[2]!);
      return { 1: 0x12, 4: 0x12 }[bytes[2] as 1 | 4] ?? null;
    };
    await readStatus(q, 100);
    expect(asked).toEqual([1, 4]);
    expect((await readStatus(printer({ 1: 0x1a, 2: 0x16, 4: 0x12 }), 100)).status).toBe('cover_open');
    expect((await readStatus(printer({ 1: 0x1a, 2: 0x52, 4: 0x12 }), 100)).status).toBe('error');
    expect((await readStatus(printer({ 1: 0x1a, 2: 0x12, 4: 0x12 }), 100)).status).toBe('offline');
  });

  it('is offline when nothing answers, and an error for a byte that is no status', async () => {
    expect((await readStatus(printer({}), 100)).status).toBe('offline');
    expect(parseStatus({ printer: 0xff }).status).toBe('error');
  });
});
