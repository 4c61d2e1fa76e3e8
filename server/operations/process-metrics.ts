import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Family } from './exposition.ts';

const NS_PER_S = 1e9;

/**
 * The process itself, under the names Prometheus client libraries use (process_*, nodejs_*), so
 * the usual Node.js dashboards work unchanged: CPU seconds, resident memory, heap, start time and
 * event loop lag. The lag is sampled by Node's own delay monitor (every 10 ms) and summarised per
 * scrape: each scrape reports the delays since the previous one.
 */
export function createProcessMetrics() {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const startedAt = (Date.now() - performance.now()) / 1000;

  return {
    /** Starts the lag monitor; returns what stops it. */
    start(): () => void {
      lag.enable();
      return () => lag.disable();
    },

    families(): Family[] {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      // An empty histogram reads min 9.2e18 and mean NaN: say 0 instead.
      const seen = lag.count > 0;
      const lagOf = (v: number) => (seen ? v / NS_PER_S : 0);
      const families: Family[] = [
        counter('process_cpu_user_seconds_total', 'User CPU time spent, in seconds.', cpu.user / 1e6),
        counter('process_cpu_system_seconds_total', 'System CPU time spent, in seconds.', cpu.system / 1e6),
        counter('process_cpu_seconds_total', 'User and system CPU time spent, in seconds.', (cpu.user + cpu.system) / 1e6),
        gauge('process_resident_memory_bytes', 'Resident memory size, in bytes.', memory.rss),
        gauge('process_start_time_seconds', 'When the process started, in seconds since the Unix epoch.', Math.round(startedAt)),
        gauge('nodejs_heap_size_total_bytes', 'V8 heap size, in bytes.', memory.heapTotal),
        gauge('nodejs_heap_size_used_bytes', 'V8 heap used, in bytes.', memory.heapUsed),
        gauge('nodejs_eventloop_lag_mean_seconds', 'Mean event loop delay since the previous scrape, in seconds.', lagOf(lag.mean)),
        gauge('nodejs_eventloop_lag_p99_seconds', '99th percentile of the event loop delay since the previous scrape, in seconds.', lagOf(lag.percentile(99))),
        gauge('nodejs_eventloop_lag_max_seconds', 'Longest event loop delay since the previous scrape, in seconds.', lagOf(lag.max)),
      ];
      lag.reset();
      return families;
    },
  };
}

const counter = (name: string, help: string, value: number): Family => ({ name, help, type: 'counter', samples: [{ labels: {}, value }] });
const gauge = (name: string, help: string, value: number): Family => ({ name, help, type: 'gauge', samples: [{ labels: {}, value }] });
