import fc from 'fast-check';

/**
 * fast-check arbitraries generated from the server's own OpenAPI document (GET /api/openapi.json):
 * values that fit a schema, and the ways a careless or hostile client breaks them (wrong types,
 * missing fields, huge strings, deep nesting, invalid JSON, wrong content types, nasty path and
 * query values). Used by test/chaos/openapi-fuzz.chaos.test.ts.
 */
export type Schema = Record<string, any>;
export type OpenApiDoc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The templated path under /api, e.g. `/centres/{centreId}/tickets`. */
  path: string;
  params: Param[];
  /** The JSON body's schema, or null when the operation takes none. */
  body: Schema | null;
  /** The permission the route is guarded by (x-permission), when it says. */
  permission: string | null;
}

/** A request body as sent: JSON, raw text with a chosen content type, or nothing. */
export type BodyCase =
  { kind: 'json'; label: string; value: unknown } | { kind: 'raw'; label: string; text: string; contentType: string | null } | { kind: 'none'; label: string };

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const params = ((op.parameters ?? []) as any[])
        .map((p) => (p.$ref ? deref(doc, p) : p))
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: p.schema ?? {} }));
      const body = op.requestBody?.content?.['application/json']?.schema ?? null;
      ops.push({ operationId: op.operationId, method: method.toUpperCase(), path, params, body, permission: op['x-permission'] ?? null });
    }
  }
  return ops;
}

export function deref(doc: OpenApiDoc, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) {
    const ref = String(s.$ref);
    const parts = ref.replace(/^#\//, '').split('/');
    s = parts.reduce<any>((o, k) => o?.[k], doc);
  }
  return s ?? {};
}

const DAY = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

/** Dates a report range can be given: valid, at the ends of the calendar, and not calendar days at all. */
export const EDGE_DAYS = ['9999-12-31', '0001-01-01', '0000-00-00', '2026-02-30', '2026-13-01', '1900-01-01', '2100-02-29', '1970-01-01'] as const;
export const dateLike = fc.oneof(
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(...EDGE_DAYS),
);

/** Is this a query parameter holding a calendar day (YYYY-MM-DD)? */
export const isDayParam = (p: Param) => p.in === 'query' && typeof p.schema.pattern === 'string' && DAY.test(p.schema.pattern);

/** Values that fit `schema` (as far as JSON Schema says; the server may still refuse them for its own rules). */
export function fitting(doc: OpenApiDoc, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(doc, schema);
  if (depth > 6) return fc.constant(null);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts) return fc.oneof(...alts.map((a) => fitting(doc, a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -1_000_000;
      const max = s.maximum ?? s.exclusiveMaximum ?? 1_000_000;
      const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      return fc.oneof(fc.constantFrom(Math.ceil(min), Math.floor(max)), ints);
    }
    case 'string': {
      if (s.pattern && DAY.test(String(s.pattern))) return dateLike;
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, 200);
      const base = s.pattern ? fc.stringMatching(new RegExp(s.pattern)) : fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
      return base.map((v) => v.slice(0, max)).filter((v) => v.length >= min);
    }
    case 'array':
      return fc.array(fitting(doc, s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object':
    default: {
      if (!s.properties) return depth > 2 ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      const required = new Set<string>(s.required ?? []);
      const props = Object.fromEntries(Object.entries(s.properties as Record<string, Schema>).map(([k, v]) => [k, fitting(doc, v, depth + 1)]));
      return fc.record(props, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
  }
}

/** A JSON value of another type than the schema's. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/** Strings a hostile client sends: control characters, other scripts, emoji, NULs, injection-shaped text. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'Quầy số ١٢٣ 🙂',
    '\u202Egnp.exe',
    "' OR 1=1 --",
    '"; DROP TABLE tickets; --',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    '%00',
    '\uD800',
    'constructor',
    '__proto__',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** encodeURIComponent, after replacing lone surrogates (which it cannot encode) with U+FFFD. */
export const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const HUGE = 'ấ'.repeat(300_000);
const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
const nestObj = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** A malformed or hostile variant of a body that should fit `schema`. */
export function bodyCase(doc: OpenApiDoc, schema: Schema | null): fc.Arbitrary<BodyCase> {
  const s = schema ? deref(doc, schema) : {};
  const good = schema ? fitting(doc, s) : fc.constant({});
  const keys = Object.keys(s.properties ?? {});
  const required: string[] = s.required ?? [];
  const json = (label: string, a: fc.Arbitrary<unknown>) => a.map((value): BodyCase => ({ kind: 'json', label, value }));
  const raw = (label: string, a: fc.Arbitrary<[string, string | null]>) =>
    a.map(([text, contentType]): BodyCase => ({ kind: 'raw', label, text, contentType }));
  const anyKey = fc.constantFrom(...(keys.length ? keys : ['x']));
  const replaced = (label: string, value: fc.Arbitrary<unknown>) =>
    fc.tuple(good, anyKey, value).map(([v, k, w]): BodyCase => ({ kind: 'json', label: `${label}: ${k}`, value: { ...(v as object), [k]: w } }));
  return fc.oneof(
    { weight: 3, arbitrary: json('fitting', good) },
    { weight: 3, arbitrary: replaced('wrong type', wrongValue) },
    {
      weight: 2,
      arbitrary: fc.tuple(good, fc.constantFrom(...(required.length ? required : ['x']))).map(([v, k]): BodyCase => {
        const o = { ...(v as object) } as Record<string, unknown>;
        delete o[k];
        return { kind: 'json', label: `missing: ${k}`, value: o };
      }),
    },
    { weight: 2, arbitrary: replaced('huge string', fc.constant(HUGE)) },
    { weight: 2, arbitrary: replaced('nasty string', nastyString) },
    {
      weight: 1,
      arbitrary: good.map((v): BodyCase => ({
        kind: 'json',
        label: 'extra keys',
        value: { ...(v as object), extra: 1, ['__proto__']: { admin: true }, constructor: { prototype: { x: 1 } } },
      })),
    },
    { weight: 1, arbitrary: json('any JSON', fc.jsonValue({ maxDepth: 3 })) },
    {
      weight: 1,
      arbitrary: raw('deep nesting', fc.constantFrom<[string, string | null]>([nest(100_000), 'application/json'], [nestObj(20_000), 'application/json'])),
    },
    {
      weight: 2,
      arbitrary: raw(
        'invalid JSON',
        fc.constantFrom<[string, string | null]>(
          ['{', 'application/json'],
          ['{"serviceId":', 'application/json'],
          ['nul', 'application/json'],
          ['', 'application/json'],
          ['\uFEFF{}', 'application/json'],
          ['{"a":1,}', 'application/json'],
          ['\u0000', 'application/json'],
          ['{"a":"\\ud800"}', 'application/json'],
        ),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          good,
          fc.constantFrom<string | null>(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/json; charset=utf-16',
            null,
          ),
        )
        .map(([v, contentType]): BodyCase => ({ kind: 'raw', label: `content type ${contentType}`, text: JSON.stringify(v), contentType })),
    },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'none', label: 'no body' }) },
  );
}

/** A path segment, already encoded for the URL: mostly ids that exist (so deeper code runs), else hostile ones. */
export function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  const encoded = fc
    .oneof(nastyString, fc.constantFrom('a'.repeat(64), 'a'.repeat(65), 'x'.repeat(8_000), '-1', '0', '1e309', 'null', 'undefined'))
    .map(encode);
  const raw = fc.constantFrom('..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%00', '%E0%A4%A', '%', 'a%2Fb', '.');
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(known.length ? known : ['x'])).map(encode) },
    { weight: 3, arbitrary: encoded },
    { weight: 1, arbitrary: raw },
  );
}

/** A query string (without "?") for the declared query parameters: omitted, fitting, wrong, hostile, repeated, or unknown. */
export function queryString(doc: OpenApiDoc, params: readonly Param[]): fc.Arbitrary<string> {
  const one = (p: Param) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<string[]>([]) },
      { weight: 4, arbitrary: fitting(doc, p.schema).map((v) => [`${p.name}=${encode(String(v))}`]) },
      { weight: 2, arbitrary: nastyString.map((v) => [`${p.name}=${encode(v)}`]) },
      { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1.5', '1e309', 'x'.repeat(5000), '[]', 'true').map((v) => [`${p.name}=${encode(v)}`]) },
      { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%00', '%zz').map((v) => [`${p.name}=${v}`]) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fitting(doc, p.schema), fitting(doc, p.schema))
          .map(([a, b]) => [`${p.name}=${encode(String(a))}`, `${p.name}=${encode(String(b))}`]),
      },
      { weight: 1, arbitrary: fc.constant([`${p.name}[]=1`, `${p.name}`]) },
    );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.constantFrom(['__proto__=1'], ['x=' + 'y'.repeat(10_000)], ['&&&=']) },
  );
  return fc.tuple(...params.filter((p) => p.in === 'query').map(one), extra).map((parts) => parts.flat().join('&'));
}
