import type { AnsweredRequest } from '../kernel/module.ts';
import { Tally, type Family, type Sample } from './exposition.ts';

/** Prometheus client libraries' default latency buckets, in seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Latencies {
  method: string;
  route: string;
  /** Per bucket, the requests at or under its bound (cumulative when rendered). */
  counts: number[];
  sum: number;
  count: number;
}

/**
 * What this process's HTTP side did since it started: requests by method, route pattern and
 * status, their latencies by method and route, and the store faults answered as
 * `store.unavailable`. Fed by the hooks app.ts calls (HttpHooks); counters, so they only grow.
 */
export function createHttpMetrics() {
  const requests = new Tally();
  const latencies = new Map<string, Latencies>();
  let storeErrors = 0;

  return {
    answered(r: AnsweredRequest): void {
      requests.add({ method: r.method, route: r.route, status: String(r.status) });
      const key = `${r.method} ${r.route}`;
      let l = latencies.get(key);
      if (!l) latencies.set(key, (l = { method: r.method, route: r.route, counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
      const bucket = LATENCY_BUCKETS.findIndex((le) => r.seconds <= le);
      if (bucket >= 0) l.counts[bucket]! += 1;
      l.sum += r.seconds;
      l.count += 1;
    },

    storeFault(): void {
      storeErrors += 1;
    },

    families(): Family[] {
      const histogram: Sample[] = [];
      for (const l of latencies.values()) {
        const labels = { method: l.method, route: l.route };
        let cumulative = 0;
        LATENCY_BUCKETS.forEach((le, i) => {
          cumulative += l.counts[i]!;
          histogram.push({ suffix: '_bucket', labels: { ...labels, le: String(le) }, value: cumulative });
        });
        histogram.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: l.count });
        histogram.push({ suffix: '_sum', labels, value: l.sum });
        histogram.push({ suffix: '_count', labels, value: l.count });
      }
      return [
        {
          name: 'luot_http_requests_total',
          help: 'HTTP requests answered, by method, matched route pattern ("unmatched" when none) and status.',
          type: 'counter',
          samples: requests.samples(),
        },
        {
          name: 'luot_http_request_duration_seconds',
          help: 'Time to answer an HTTP request (until the response is ready), by method and matched route pattern.',
          type: 'histogram',
          samples: histogram,
        },
        {
          name: 'luot_store_errors_total',
          help: 'Store faults (disk full, read-only, I/O error, lock held too long) answered as 503 store.unavailable, or met by a scrape.',
          type: 'counter',
          samples: [{ labels: {}, value: storeErrors }],
        },
      ];
    },
  };
}

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
