/**
 * What a hall display says for a call: "Mời công dân có số thứ tự một nghìn không trăm hai mươi
 * lăm đến quầy số ba", as a sentence (for the browser's speech synthesis) and as the ordered list
 * of parts (for the recorded clips, one clip per part). Pure: tested in node.
 */
import type { AnnouncementSettings, Call } from '../../../protocol/index.ts';
import { readDigits, readNumber, type ReadingOptions } from './number-reading.ts';

export const PHRASES = {
  call: 'Mời công dân có số thứ tự',
  recall: 'Mời lại công dân có số thứ tự',
  toCounter: 'đến quầy số',
} as const;

/**
 * Vietnamese names of the Latin letters used as number prefixes (A025 → "a, hai mươi lăm"),
 * as schools and announcers say them. A plain "A" handed to a speech engine is often read in
 * English ("ây"), and there is no clip for a bare letter.
 */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e-lờ',
  M: 'em-mờ',
  N: 'en-nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e-rờ',
  S: 'ét-xì',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích-xì',
  Y: 'i dài',
  Z: 'dét',
};

/** Every word the number reader can produce (number-reading.ts), both dialects. */
const NUMBER_WORDS = [
  'không',
  'một',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'mốt',
  'tư',
  'lăm',
  'linh',
  'lẻ',
  'trăm',
  'nghìn',
  'ngàn',
  'triệu',
] as const;

/** Every part an announcement can contain: the clip set (counter-display/voice/) must cover it. */
export const VOCABULARY: readonly string[] = [...Object.values(PHRASES), ...NUMBER_WORDS, ...Object.values(LETTER_NAMES)];

export type AnnouncementOptions = Pick<AnnouncementSettings, 'dialect' | 'numberReading' | 'fourAsTu'> & {
  /** How many times the sentence is said (after a single chime). */
  repeat?: number;
};

export interface Announcement {
  /** One per call: a recall has a new calledAt, so it is announced again. */
  key: string;
  number: string;
  counterNumber: number;
  recall: boolean;
  /** The sentence for speech synthesis. */
  text: string;
  /** The same words as clip names, in order; repeats included. */
  parts: string[];
}

export const callKey = (call: Pick<Call, 'ticketId' | 'calledAt'>): string => `${call.ticketId}@${call.calledAt}`;

const reading = (o: AnnouncementOptions): ReadingOptions => ({ dialect: o.dialect, fourAsTu: o.fourAsTu });

/**
 * The words of a ticket number: prefix letters by name, then the digits as one number
 * (A025 → a, hai mươi lăm; 1025 → một nghìn không trăm hai mươi lăm) or one by one.
 * Leading zeros are padding and are not read in words mode.
 */
export function ticketNumberParts(number: string, o: AnnouncementOptions): string[] {
  const text = number.trim().toUpperCase();
  const match = /^([A-Z]*)(\d*)$/.exec(text);
  if (!match) {
    // Not a shape Luot makes; still say every letter and digit rather than nothing.
    return [...text].flatMap((c) => {
      const name = LETTER_NAMES[c];
      if (name) return [name];
      return c >= '0' && c <= '9' ? [readDigits(c)] : [];
    });
  }
  const [, letters = '', digits = ''] = match;
  const named = [...letters].map((c) => LETTER_NAMES[c]!);
  if (!digits) return named;
  const spoken = o.numberReading === 'digits' ? readDigits(digits) : readNumber(Number(digits), reading(o));
  return [...named, ...spoken.split(' ')];
}

/** The announcement of one call (a recall says "Mời lại …"). */
export function announcementFor(call: Call, o: AnnouncementOptions): Announcement {
  const numberParts = ticketNumberParts(call.number, o);
  const counterParts = readNumber(call.counterNumber, reading(o)).split(' ');
  const intro = call.recall ? PHRASES.recall : PHRASES.call;
  const once = [intro, ...numberParts, PHRASES.toCounter, ...counterParts];
  const sentence = `${intro} ${numberParts.join(' ')}, ${PHRASES.toCounter} ${counterParts.join(' ')}.`;
  const times = Math.max(1, Math.min(3, Math.floor(o.repeat ?? 1)));
  return {
    key: callKey(call),
    number: call.number,
    counterNumber: call.counterNumber,
    recall: call.recall,
    text: Array.from({ length: times }, () => sentence).join(' '),
    parts: Array.from({ length: times }, () => once).flat(),
  };
}
