/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for the tests: every line is a
 * `# HELP`, a `# TYPE` or a sample `name{label="value",…} value`; a family's HELP and TYPE come
 * before its samples and once each; a sample belongs to the family declared last (a histogram's
 * `_bucket`, `_sum` and `_count` too). Throws, naming the line, on anything else.
 */
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Parsed {
  types: Map<string, string>;
  samples: ParsedSample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)/;
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|[+-]Inf|NaN)$/i;

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad labels in: ${line}`);
    if (m[1]! in labels) throw new Error(`label ${m[1]} twice in: ${line}`);
    labels[m[1]!] = m[2]!.replace(/\\(["\\n])/g, (_w, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
}

export function parseExposition(text: string): Parsed {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: ParsedSample[] = [];
  let current: string | null = null;
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (kind === 'HELP') {
        if (helped.has(name)) throw new Error(`HELP twice for ${name}`);
        helped.add(name);
      } else {
        if (types.has(name)) throw new Error(`TYPE twice for ${name}`);
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest)) throw new Error(`bad TYPE: ${line}`);
        if (!helped.has(name)) throw new Error(`TYPE before HELP for ${name}`);
        types.set(name, rest);
      }
      current = name;
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const [, name, labelText, value] = m as unknown as [string, string, string | undefined, string];
    if (!VALUE.test(value)) throw new Error(`bad value: ${line}`);
    const family: string = types.get(current ?? '') === 'histogram' ? name.replace(/_(bucket|sum|count)$/, '') : name;
    if (family !== current || !types.has(family) || !helped.has(family)) throw new Error(`sample before its HELP and TYPE: ${line}`);
    samples.push({ name, labels: parseLabels(labelText ?? '', line), value: Number(value.replace(/Inf$/i, 'Infinity')) });
  }
  return { types, samples };
}

/** The value of the one sample with that name whose labels include `labels`; undefined if none. */
export function valueOf(parsed: Parsed, name: string, labels: Record<string, string> = {}): number | undefined {
  const hits = parsed.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (hits.length > 1) throw new Error(`${hits.length} samples ${name} match ${JSON.stringify(labels)}`);
  return hits[0]?.value;
}
