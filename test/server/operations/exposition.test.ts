import { describe, expect, it } from 'vitest';
import { createHttpMetrics, LATENCY_BUCKETS } from '../../../server/operations/http-metrics.ts';
import { formatValue, renderExposition, Tally } from '../../../server/operations/exposition.ts';
import { parseExposition, valueOf } from './prometheus-text.ts';

describe('the Prometheus text exposition', () => {
  it('writes HELP and TYPE before the samples, and escapes label values and help text', () => {
    const text = renderExposition([
      {
        name: 'luot_x',
        help: 'a help with a \\ and a\nnewline',
        type: 'gauge',
        samples: [
          { labels: { centre: 'a"b\\c\nd' }, value: 2 },
          { labels: {}, value: 0.5 },
        ],
      },
    ]);
    expect(text).toBe('# HELP luot_x a help with a \\\\ and a\\nnewline\n# TYPE luot_x gauge\nluot_x{centre="a\\"b\\\\c\\nd"} 2\nluot_x 0.5\n');
    const parsed = parseExposition(text);
    expect(valueOf(parsed, 'luot_x', { centre: 'a"b\\c\nd' })).toBe(2);
  });

  it('writes infinities and NaN the Prometheus way', () => {
    expect([Infinity, -Infinity, NaN, 3].map(formatValue)).toEqual(['+Inf', '-Inf', 'NaN', '3']);
  });

  it('a family with no samples is still valid', () => {
    expect(parseExposition(renderExposition([{ name: 'luot_empty', help: 'none yet', type: 'counter', samples: [] }])).samples).toEqual([]);
  });

  it('the test reader refuses samples before their HELP and TYPE, and malformed lines', () => {
    expect(() => parseExposition('luot_x 1\n')).toThrow(/before its HELP/);
    expect(() => parseExposition('# HELP luot_x x\n# TYPE luot_x gauge\nluot_x{a=b} 1\n')).toThrow(/bad labels/);
    expect(() => parseExposition('# HELP luot_x x\n# TYPE luot_x gauge\nluot_x one\n')).toThrow(/bad value/);
  });

  it('a tally counts by label set', () => {
    const t = new Tally();
    t.add({ a: '1' });
    t.add({ a: '2' }, 3);
    t.add({ a: '1' });
    expect(t.samples()).toEqual([
      { labels: { a: '1' }, value: 2 },
      { labels: { a: '2' }, value: 3 },
    ]);
  });
});

describe('request metrics', () => {
  it('count requests by method, route and status, and bucket their latencies cumulatively', () => {
    const m = createHttpMetrics();
    m.answered({ method: 'GET', route: '/api/ready', status: 200, seconds: 0.003 });
    m.answered({ method: 'GET', route: '/api/ready', status: 200, seconds: 0.2 });
    m.answered({ method: 'GET', route: '/api/ready', status: 503, seconds: 20 });
    m.storeFault();
    const parsed = parseExposition(renderExposition(m.families()));
    expect(parsed.types.get('luot_http_request_duration_seconds')).toBe('histogram');
    expect(valueOf(parsed, 'luot_http_requests_total', { route: '/api/ready', status: '200' })).toBe(2);
    expect(valueOf(parsed, 'luot_http_requests_total', { route: '/api/ready', status: '503' })).toBe(1);
    const bucket = (le: string) => valueOf(parsed, 'luot_http_request_duration_seconds_bucket', { route: '/api/ready', le });
    expect([bucket('0.005'), bucket('0.1'), bucket('0.25'), bucket('10'), bucket('+Inf')]).toEqual([1, 1, 2, 2, 3]);
    expect(parsed.samples.filter((s) => s.name === 'luot_http_request_duration_seconds_bucket')).toHaveLength(LATENCY_BUCKETS.length + 1);
    expect(valueOf(parsed, 'luot_http_request_duration_seconds_count', { route: '/api/ready' })).toBe(3);
    expect(valueOf(parsed, 'luot_http_request_duration_seconds_sum', { route: '/api/ready' })).toBeCloseTo(20.203);
    expect(valueOf(parsed, 'luot_store_errors_total')).toBe(1);
  });
});
