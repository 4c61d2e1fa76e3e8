import type { BridgeLogger } from '../../../firmware-bridge/log.ts';
import { checksum } from '../../../firmware-bridge/keypad/keypad-protocol.ts';

/** A frame as a keypad writes it: `$body*hh\r\n`. */
export const frame = (body: string): string => `$${body}*${checksum(body).toString(16).toUpperCase().padStart(2, '0')}\r\n`;

/** A logger that keeps its lines, for assertions (and prints nothing). */
export function recordingLog(): BridgeLogger & { lines: string[]; at(level: string): string[] } {
  const lines: string[] = [];
  const line = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
  };
  return {
    lines,
    at: (level) => lines.filter((l) => l.startsWith(`${level} `)).map((l) => l.slice(level.length + 1)),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
  };
}
