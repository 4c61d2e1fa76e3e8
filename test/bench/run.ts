import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { benchmarks } from './index.ts';
import { machineFacts } from './machine.ts';
import { RESULTS_PATH, renderMarkdown, type ResultsFile } from './report.ts';

/**
 * `npm run bench [-- name ...]` runs every benchmark (or the named ones) in turn, then merges their
 * results into results/latest.json and regenerates docs/benchmarks.md from it. `--list` lists names;
 * `--render` only regenerates docs/benchmarks.md.
 * Paths are relative to the repository root, where npm runs scripts.
 */
const MARKDOWN_PATH = 'docs/benchmarks.md';

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const b of benchmarks) console.log(b.name);
    return;
  }
  if (args.includes('--render')) {
    // docs/benchmarks.md again from results/latest.json (after editing a benchmark's notes).
    await writeFile(MARKDOWN_PATH, renderMarkdown(await readResults(), notesOf()));
    return;
  }
  const unknown = args.filter((a) => !benchmarks.some((b) => b.name === a));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = args.length > 0 ? benchmarks.filter((b) => args.includes(b.name)) : benchmarks;

  const file = await readResults();
  let problems = 0;
  for (const bench of selected) {
    console.log(`▶ ${bench.name}`);
    // Taken before the run so the load average is not the benchmark's own load.
    const machine = machineFacts();
    const started = Date.now();
    const results = await bench.run();
    console.table(Object.fromEntries(results.map((r) => [r.case, r.metrics])));
    for (const r of results) for (const p of r.problems ?? []) console.error(`  ✗ ${r.case}: ${p}`);
    problems += results.reduce((n, r) => n + (r.problems?.length ?? 0), 0);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    file.benchmarks[bench.name] = { ranAt: new Date(started).toISOString(), machine, method: bench.method, results };
  }

  // In index.ts order; records of benchmarks that no longer exist are dropped so the docs hold no stale section.
  file.benchmarks = Object.fromEntries(benchmarks.flatMap((b) => (file.benchmarks[b.name] ? [[b.name, file.benchmarks[b.name]!]] : [])));
  await mkdir(dirname(RESULTS_PATH), { recursive: true });
  await writeFile(RESULTS_PATH, JSON.stringify(file, null, 2) + '\n');
  await writeFile(MARKDOWN_PATH, renderMarkdown(file, notesOf()));
  console.log(`Wrote ${RESULTS_PATH} and ${MARKDOWN_PATH}`);
  if (problems > 0) process.exitCode = 1;
}

const notesOf = () => Object.fromEntries(benchmarks.map((b) => [b.name, b.notes]));

async function readResults(): Promise<ResultsFile> {
  try {
    return JSON.parse(await readFile(RESULTS_PATH, 'utf8')) as ResultsFile;
  } catch {
    return { benchmarks: {} }; // first run, or an unreadable file: start over
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
