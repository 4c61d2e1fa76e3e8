/**
 * What the code-entry screen accepts (pure, tested in node): dossier codes and appointment codes
 * are letters, digits, dots, dashes and underscores (DOMAIN.md "Dossiers…"); a USB scanner types
 * them like a keyboard and ends with Enter.
 */
export const CODE_CHARACTER = /^[A-Za-z0-9._-]$/;
export const MAX_CODE_LENGTH = 64;

/** The keypad's keys, in rows: digits first (codes are mostly digits), then the letters. */
export const KEYPAD_ROWS: readonly string[][] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', '.'],
  ['Z', 'X', 'C', 'V', 'B', 'N', 'M', '-', '_'],
];

export type CodeKey = { kind: 'char'; char: string } | { kind: 'delete' } | { kind: 'clear' } | { kind: 'submit' } | { kind: 'ignore' };

/** A keyboard key (`KeyboardEvent.key`) as the code entry reads it; modifiers other than Shift make it ignored (shortcuts). */
export function readKey(key: string, modifiers: { ctrl?: boolean; alt?: boolean; meta?: boolean } = {}): CodeKey {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return { kind: 'ignore' };
  if (key === 'Enter' || key === 'Tab') return { kind: 'submit' };
  if (key === 'Backspace') return { kind: 'delete' };
  if (key === 'Escape') return { kind: 'clear' };
  return CODE_CHARACTER.test(key) ? { kind: 'char', char: key.toUpperCase() } : { kind: 'ignore' };
}

/** The code after a key; `submit` leaves it as is (the caller submits what is there). */
export function applyKey(code: string, key: CodeKey): string {
  switch (key.kind) {
    case 'char':
      return code.length >= MAX_CODE_LENGTH ? code : code + key.char;
    case 'delete':
      return code.slice(0, -1);
    case 'clear':
      return '';
    case 'submit':
    case 'ignore':
      return code;
  }
}
