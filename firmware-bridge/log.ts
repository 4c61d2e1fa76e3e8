/** The bridge's line logger on stderr (it runs beside the devices, often under a service manager). */
export type BridgeLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface BridgeLogger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

const levels: BridgeLogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function createBridgeLogger(level: BridgeLogLevel, prefix = 'bridge'): BridgeLogger {
  const min = levels.indexOf(level);
  const line = (l: BridgeLogLevel, message: string, extra?: unknown) => {
    if (levels.indexOf(l) < min) return;
    const detail = extra instanceof Error ? ` ${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${l.toUpperCase()} [${prefix}] ${message}${detail}\n`);
  };
  return {
    debug: (m, e) => line('debug', m, e),
    info: (m, e) => line('info', m, e),
    warn: (m, e) => line('warn', m, e),
    error: (m, e) => line('error', m, e),
  };
}
