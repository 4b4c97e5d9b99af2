/**
 * Values for the malformed-input battery, read from a route's JSON Schema:
 * one plausible value for every field (so a request gets past the first
 * check and reaches the handler), then the same request with one field
 * broken at a time.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
};

const PATTERN_CANDIDATES = ['2026-03-10', '123456', 'AP-310', 'premium', 'abc', 'A1b2C3d4e5F6g7H8', 'fuzz-value-0123456789', '+15550100000', 'US'];

/** Field names whose plausible value a schema cannot tell (a country, a plan, a card). */
const NAMED_SAMPLES: Record<string, string> = {
  country: 'US', region: 'WA', plan: 'standard', language: 'en', phone: '+15550199999', new_phone: '+15550199998',
  number: '4242 4242 4242 4242', cvc: '123', network_id: 'net_home', password: 'battery password 123',
  current_password: 'battery password 123', new_password: 'another battery password', code: '123456',
};

function stringSample(schema: JsonSchema, name: string): string {
  const named = NAMED_SAMPLES[name];
  if (named !== undefined && (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(named))) return named;
  if (schema.format === 'email' || /email|login/i.test(name)) return 'battery@members.example';
  if (schema.format === 'date') return '2026-03-10';
  if (schema.format === 'date-time') return '2026-03-10T12:00:00.000Z';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://reelhouse.example/';
  let value = 'battery value';
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    value = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate)) ?? value;
  }
  if (schema.minLength !== undefined && value.length < schema.minLength) value = value.padEnd(schema.minLength, 'x');
  if (schema.maxLength !== undefined && value.length > schema.maxLength) value = value.slice(0, schema.maxLength);
  return value;
}

/** A value the schema accepts, as far as a simple reading of it can tell. */
export function sampleFor(schema: JsonSchema | null | undefined, name = '', depth = 0, options: { optionalObjects?: boolean } = {}): unknown {
  if (!schema || depth > 6) return null;
  const full = options.optionalObjects ?? true;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) {
    const concrete = branches.find((branch) => branch.type !== 'null') ?? branches[0];
    return sampleFor(concrete, name, depth + 1, options);
  }
  if (schema.allOf && schema.allOf.length > 0) return sampleFor(Object.assign({}, ...schema.allOf) as JsonSchema, name, depth + 1, options);
  const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat().find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const child = sampleFor(property, key, depth + 1, options);
        // A made-up optional object (a whole catalog) would fail validation and hide the rest of the request.
        if (!full && !required.has(key) && child !== null && typeof child === 'object') continue;
        value[key] = child;
      }
      return value;
    }
    case 'array': {
      const count = Math.max(1, schema.minItems ?? 1);
      if (schema.prefixItems) return schema.prefixItems.map((item) => sampleFor(item, name, depth + 1, options));
      return Array.from({ length: count }, () => sampleFor(schema.items, name, depth + 1, options));
    }
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? 1;
      return schema.maximum !== undefined && schema.maximum < low ? schema.maximum : Math.max(low, Math.min(1, schema.maximum ?? 1));
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return stringSample(schema, name);
  }
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/** Broken values for one field: wrong types, bad text, extreme dates and numbers, huge and deep values. */
export const BAD_VALUES: ReadonlyArray<{ label: string; value: unknown }> = [
  { label: 'null', value: null },
  { label: 'boolean', value: true },
  { label: 'zero', value: 0 },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 1.5 },
  { label: 'huge number', value: 1e308 },
  { label: 'huge negative', value: -1e308 },
  { label: 'past safe integers', value: 2 ** 53 + 2 },
  { label: 'empty string', value: '' },
  { label: 'long string', value: 'x'.repeat(100_000) },
  { label: 'NUL inside', value: 'before\u0000after' },
  { label: 'NUL alone', value: '\u0000' },
  { label: 'lone high surrogate', value: 'lone \ud800 surrogate' },
  { label: 'lone low surrogate', value: '\udfff' },
  { label: 'date far ahead', value: '9999-12-31' },
  { label: 'date before the calendar', value: '0001-01-01' },
  { label: 'date out of range', value: '+275760-09-13' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'number as text', value: '1e308' },
  { label: 'empty array', value: [] },
  { label: 'array of strings', value: ['a', 'b'] },
  { label: 'long array', value: Array.from({ length: 20_000 }, (_, index) => index) },
  { label: 'empty object', value: {} },
  { label: 'deep object', value: deeplyNested(400) },
  { label: 'prototype key', value: JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') },
];

type Path = Array<string | number>;

/** Every field of a sample value, nested ones included (arrays by their first item). */
export function fieldPaths(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 5) return [];
  if (Array.isArray(value)) return value.length === 0 ? [] : [[...prefix, 0], ...fieldPaths(value[0], [...prefix, 0], depth + 1)];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key], depth + 1)]);
  }
  return [];
}

export function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? withValueAt(item, rest, replacement) : item));
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head]: withValueAt(record[head], rest, replacement) };
}

/** Raw text for URLs (path segments and query values): already percent-encoded. */
export const BAD_URL_TEXT: ReadonlyArray<{ label: string; raw: string }> = [
  { label: 'NUL', raw: '%00' },
  { label: 'NUL inside', raw: 'a%00b' },
  { label: 'encoded lone surrogate', raw: '%ED%A0%80' },
  { label: 'invalid UTF-8', raw: '%FF%FE' },
  { label: 'truncated escape', raw: '%E2%82' },
  { label: 'bare percent', raw: '%' },
  { label: 'long', raw: 'x'.repeat(4_000) },
  { label: 'dot segments', raw: '..%2F..%2Fetc%2Fpasswd' },
  { label: 'date far ahead', raw: '9999-12-31' },
  { label: 'huge number', raw: '1e308' },
  { label: 'negative', raw: '-1' },
  { label: 'emoji', raw: '%F0%9F%8E%AC' },
];

/** Whole bodies that break the JSON itself. */
export const BAD_BODIES: ReadonlyArray<{ label: string; contentType: string; body: string }> = [
  { label: 'empty JSON', contentType: 'application/json', body: '' },
  { label: 'not JSON', contentType: 'application/json', body: 'not json at all' },
  { label: 'truncated JSON', contentType: 'application/json', body: '{"a":' },
  { label: 'JSON null', contentType: 'application/json', body: 'null' },
  { label: 'JSON array', contentType: 'application/json', body: '[1,2,3]' },
  { label: 'JSON string with NUL', contentType: 'application/json', body: '"\\u0000"' },
  { label: 'deep JSON', contentType: 'application/json', body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { label: 'deep JSON object', contentType: 'application/json', body: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
  { label: 'big JSON', contentType: 'application/json', body: JSON.stringify({ text: 'y'.repeat(3_000_000) }) },
  { label: 'invalid UTF-8 bytes', contentType: 'application/json', body: '{"text":"\u00ff\u00fe"}' },
  { label: 'text', contentType: 'text/plain', body: 'plain text' },
  { label: 'form with NUL', contentType: 'application/x-www-form-urlencoded', body: 'text=a%00b&email=%00&title=%ED%A0%80&comment=%ED%A0%80' },
  { label: 'form with invalid UTF-8', contentType: 'application/x-www-form-urlencoded', body: 'text=%FF%FE&name=%E2%82' },
  { label: 'form repeated keys', contentType: 'application/x-www-form-urlencoded', body: 'text=a&text=b&text=c' },
  { label: 'form prototype keys', contentType: 'application/x-www-form-urlencoded', body: '__proto__=x&constructor=y' },
];
