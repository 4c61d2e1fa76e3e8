/**
 * Vietnamese number reading for announcements ("Mời công dân có số thứ tự một nghìn không trăm
 * hai mươi lăm đến quầy số ba"). A naive digit-to-word map gets these wrong:
 * - final 1 after twenty and up is "mốt" (hai mươi mốt), but "một" after mười or linh;
 * - final 5 after mười/mươi is "lăm" (mười lăm, hai mươi lăm), but "năm" after linh;
 * - final 4 after twenty and up is commonly "tư" (hai mươi tư) — a centre may prefer "bốn";
 * - a zero tens digit inside a hundred is "linh" (north) or "lẻ" (south): một trăm linh năm;
 * - a zero hundreds digit after thousands is read: một nghìn không trăm hai mươi lăm;
 * - 1000 is "nghìn" (north) or "ngàn" (south).
 * Pure: no DOM, no audio; tested in node.
 */
export type Dialect = 'north' | 'south';

export interface ReadingOptions {
  dialect: Dialect;
  /** "tư" (default) or "bốn" for a final 4 after twenty and up. */
  fourAsTu?: boolean;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

const digit = (d: number) => DIGITS[d]!;

/** Reads 0–99 when it stands after a hundreds word (with linh/lẻ for 1–9) or alone. */
function tensAndUnits(n: number, afterHundreds: boolean, o: ReadingOptions): string[] {
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) {
    if (unit === 0) return [];
    return afterHundreds ? [o.dialect === 'south' ? 'lẻ' : 'linh', digit(unit)] : [digit(unit)];
  }
  const head = tens === 1 ? ['mười'] : [digit(tens), 'mươi'];
  if (unit === 0) return head;
  if (unit === 5) return [...head, 'lăm'];
  if (unit === 1 && tens >= 2) return [...head, 'mốt'];
  if (unit === 4 && tens >= 2 && (o.fourAsTu ?? true)) return [...head, 'tư'];
  return [...head, digit(unit)];
}

/** Reads 0–999; `full` forces "không trăm" when the hundreds digit is zero (after thousands). */
function group(n: number, full: boolean, o: ReadingOptions): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !full) return tensAndUnits(rest, false, o);
  return [digit(hundreds), 'trăm', ...tensAndUnits(rest, true, o)];
}

/** The words for a whole number 0–999,999,999 (ticket numbers stay far below). */
export function readNumber(n: number, options: ReadingOptions): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return 'không';
  const thousandWord = options.dialect === 'south' ? 'ngàn' : 'nghìn';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const units = n % 1000;
  const words: string[] = [];
  if (millions > 0) words.push(...group(millions, false, options), 'triệu');
  // An empty thousands group after millions is skipped: một triệu không trăm hai mươi mốt.
  if (thousands > 0) words.push(...group(thousands, millions > 0, options), thousandWord);
  if (units > 0) words.push(...group(units, millions > 0 || thousands > 0, options));
  return words.join(' ');
}

/** Digit by digit, for centres that prefer it; each digit plainly (1025 → một không hai năm). */
export function readDigits(digits: string): string {
  return [...digits]
    .filter((c) => c >= '0' && c <= '9')
    .map((c) => digit(Number(c)))
    .join(' ');
}
