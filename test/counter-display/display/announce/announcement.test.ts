import { describe, expect, it } from 'vitest';
import type { Call } from '../../../../protocol/index.ts';
import {
  announcementFor,
  LETTER_NAMES,
  ticketNumberParts,
  VOCABULARY,
  type AnnouncementOptions,
} from '../../../../counter-display/display/announce/announcement.ts';

const north: AnnouncementOptions = { dialect: 'north', numberReading: 'words', fourAsTu: true };
const south: AnnouncementOptions = { dialect: 'south', numberReading: 'words', fourAsTu: true };
const digits: AnnouncementOptions = { ...north, numberReading: 'digits' };

const call = (number: string, counterNumber: number, recall = false): Call => ({
  ticketId: `t-${number}`,
  number,
  serviceId: 'a',
  counterId: `quay-${counterNumber}`,
  counterNumber,
  calledAt: '2026-11-23T02:00:00.000Z',
  recall,
});

describe('announcement text', () => {
  it('reads the example of DOMAIN.md: 1025 to counter 3, north', () => {
    expect(announcementFor(call('1025', 3), north).text).toBe('Mời công dân có số thứ tự một nghìn không trăm hai mươi lăm, đến quầy số ba.');
  });

  it('south: ngàn and lẻ', () => {
    expect(announcementFor(call('1005', 12), south).text).toBe('Mời công dân có số thứ tự một ngàn không trăm lẻ năm, đến quầy số mười hai.');
    expect(announcementFor(call('2024', 21), south).text).toBe('Mời công dân có số thứ tự hai ngàn không trăm hai mươi tư, đến quầy số hai mươi mốt.');
  });

  it('"bốn" instead of "tư" when the centre says so', () => {
    expect(announcementFor(call('1024', 4), { ...north, fourAsTu: false }).text).toBe(
      'Mời công dân có số thứ tự một nghìn không trăm hai mươi bốn, đến quầy số bốn.',
    );
  });

  it('a recall says "Mời lại"', () => {
    const a = announcementFor(call('A025', 5, true), north);
    expect(a.text).toBe('Mời lại công dân có số thứ tự a hai mươi lăm, đến quầy số năm.');
    expect(a.recall).toBe(true);
    expect(a.parts[0]).toBe('Mời lại công dân có số thứ tự');
  });

  it('prefix letters by their Vietnamese names; leading zeros are not read in words mode', () => {
    expect(ticketNumberParts('A025', north)).toEqual(['a', 'hai', 'mươi', 'lăm']);
    expect(ticketNumberParts('B001', north)).toEqual(['bê', 'một']);
    expect(ticketNumberParts('C101', south)).toEqual(['xê', 'một', 'trăm', 'lẻ', 'một']);
    expect(ticketNumberParts('D010', north)).toEqual(['dê', 'mười']);
    expect(ticketNumberParts('E115', north)).toEqual(['e', 'một', 'trăm', 'mười', 'lăm']);
    expect(ticketNumberParts('F021', north)).toEqual(['ép', 'hai', 'mươi', 'mốt']);
    expect(ticketNumberParts('AB7', north)).toEqual(['a', 'bê', 'bảy']);
    expect(ticketNumberParts('W1', north)).toEqual(['vê kép', 'một']);
  });

  it('digit by digit when the centre prefers it: every digit plainly, the counter still as a number', () => {
    const a = announcementFor(call('A025', 12), digits);
    expect(a.text).toBe('Mời công dân có số thứ tự a không hai năm, đến quầy số mười hai.');
    expect(ticketNumberParts('1015', digits)).toEqual(['một', 'không', 'một', 'năm']);
  });

  it('parts are the clip names in order, with the phrases whole', () => {
    expect(announcementFor(call('1025', 3), north).parts).toEqual([
      'Mời công dân có số thứ tự',
      'một',
      'nghìn',
      'không',
      'trăm',
      'hai',
      'mươi',
      'lăm',
      'đến quầy số',
      'ba',
    ]);
  });

  it('repeats the sentence when asked (one chime, said twice)', () => {
    const a = announcementFor(call('B003', 2), { ...north, repeat: 2 });
    expect(a.text).toBe('Mời công dân có số thứ tự bê ba, đến quầy số hai. Mời công dân có số thứ tự bê ba, đến quầy số hai.');
    expect(a.parts).toHaveLength(2 * 5);
  });

  it('keys a call by ticket and call time, so a recall is a new announcement', () => {
    const first = announcementFor(call('A001', 1), north);
    const again = announcementFor({ ...call('A001', 1, true), calledAt: '2026-11-23T02:01:00.000Z' }, north);
    expect(first.key).not.toBe(again.key);
  });

  it('never says a word the clip set lacks, whatever the number, dialect or mode', () => {
    const vocabulary = new Set(VOCABULARY);
    const letters = Object.keys(LETTER_NAMES);
    const missing = new Set<string>();
    for (const o of [north, south, digits, { ...north, fourAsTu: false }]) {
      for (let n = 0; n <= 99_999; n += n < 2100 ? 1 : 97) {
        const prefix = letters[n % letters.length]!;
        for (const number of [String(n), `${prefix}${String(n).padStart(3, '0')}`]) {
          const parts = announcementFor(call(number, (n % 999) + 1, n % 2 === 0), o).parts;
          for (const p of parts) if (!vocabulary.has(p)) missing.add(`${number}: "${p}"`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('still reads something for a number shape Luot does not make', () => {
    expect(ticketNumberParts('A-12', north)).toEqual(['a', 'một', 'hai']);
  });
});
