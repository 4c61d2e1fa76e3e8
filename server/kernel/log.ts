/** Where the server's lines go: the use cases' and adapters' one logging port. */
export interface Logger {
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof levels)[number];

/** A plain line logger on stderr; structured enough to grep, no dependency. */
export function createLogger(level: LogLevel): Logger & { debug(message: string, extra?: unknown): void } {
  const min = levels.indexOf(level);
  const line = (l: LogLevel, message: string, extra?: unknown) => {
    if (levels.indexOf(l) < min) return;
    const detail = extra instanceof Error ? ` ${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${l.toUpperCase()} ${message}${detail}\n`);
  };
  return {
    debug: (m, e) => line('debug', m, e),
    info: (m, e) => line('info', m, e),
    warn: (m, e) => line('warn', m, e),
    error: (m, e) => line('error', m, e),
  };
}
