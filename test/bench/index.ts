import { callNextBenchmark } from './call-next.bench.ts';
import { displayLatencyBenchmark } from './display-latency.bench.ts';
import { issueTicketsBenchmark } from './issue-tickets.bench.ts';
import { postgresCallBenchmark, postgresHistoryBenchmark, postgresIssueBenchmark } from './postgres.bench.ts';
import { printBenchmark } from './print.bench.ts';
import { reportsBenchmark } from './reports.bench.ts';
import { reportExportBenchmark } from './report-export.bench.ts';
import { ticketFollowersBenchmark } from './ticket-followers.bench.ts';
import type { Benchmark } from './types.ts';

/** Every benchmark, in run order. A new capability appends its own module here. */
export const benchmarks: Benchmark[] = [
  issueTicketsBenchmark,
  callNextBenchmark,
  printBenchmark,
  displayLatencyBenchmark,
  reportsBenchmark,
  reportExportBenchmark,
  ticketFollowersBenchmark,
  postgresIssueBenchmark,
  postgresCallBenchmark,
  postgresHistoryBenchmark,
];
