/** One row of a benchmark's table: a case (e.g. "concurrency 20") and its measured values. */
export interface BenchResult {
  case: string;
  /** Column name → value; numbers are rendered as-is, so round them where they are produced. */
  metrics: Record<string, number | string>;
  /** Correctness problems seen during the run; any makes `npm run bench` exit non-zero. */
  problems?: string[];
}

/** A benchmark module. Add one to `benchmarks` in index.ts and `npm run bench` picks it up. */
export interface Benchmark {
  /** Kebab-case; also the CLI filter (`npm run bench -- issue-tickets`). */
  name: string;
  /** One line saying how it measures, printed above its table in docs/benchmarks.md. */
  method: string;
  /** Targets and what bounds the figures (with the profile that shows it), printed below its table. */
  notes?: string;
  run(): Promise<BenchResult[]>;
}
