// Hostile inputs for fuzzing the HTTP API: SQL injection, path traversal, NUL bytes, prototype-pollution
// keys, markup, template syntax, absurd numbers and dates, huge and random unicode strings.
import fc from "fast-check";

export const SQL_INJECTION = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE squads; --",
  "1; DELETE FROM recommendations; --",
  "') UNION SELECT id, job, status FROM job_runs --",
  '" OR ""="',
  "checkout' --",
  "1' AND pg_sleep(5) --",
  "$$; TRUNCATE cost_daily; $$",
  "%27%20OR%201%3D1%20--",
];

export const PATH_TRAVERSAL = [
  "../../etc/passwd",
  "../../../../../../etc/shadow",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "....//....//etc/passwd",
  "/etc/passwd",
  "..\\..\\windows\\win.ini",
  "file:///etc/passwd",
  ".data/pglite",
];

const OTHER_HOSTILE = [
  "%00",
  "\u0000",
  "a\u0000b",
  "__proto__",
  "constructor",
  "prototype",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "${7*7}",
  "{{7*7}}",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "99999999999999999999999",
  "2026-02-30",
  "9999-99-99",
  "0000-00-00",
  "2026-11-01T00:00:00Z",
  "1970-01-01",
  "",
  " ",
  "null",
  "undefined",
  "[]",
  "{}",
  "\uD800",
  "\u202Egnp.exe",
  "😀".repeat(300),
  "9".repeat(5_000),
  "a".repeat(100_000),
];

/** Values that look right to a handler, so some runs get past validation. */
export const PLAUSIBLE = [
  "2026-10-01",
  "2026-11-01",
  "2026-11-03",
  "checkout",
  "namespace",
  "service",
  "open",
  "zombie-instance",
  "10",
  "cost-explorer",
];

export const INJECTION_STRINGS = [...SQL_INJECTION, ...PATH_TRAVERSAL];

export const QUERY_KEYS = [
  "from",
  "to",
  "groupBy",
  "type",
  "squad",
  "status",
  "limit",
  "cursor",
  "month",
  "id",
  "slug",
  "reason",
  "__proto__",
  "constructor",
  "prototype",
  "__proto__[polluted]",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL_INJECTION, ...PATH_TRAVERSAL, ...OTHER_HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 2_000 }) },
);

export const injectionString: fc.Arbitrary<string> = fc.constantFrom(...INJECTION_STRINGS);

export interface QueryPart {
  key: string;
  value: string;
  /** sent unencoded, so %00 and friends reach the URL parser as typed */
  raw: boolean;
}

export function queryParts(values: fc.Arbitrary<string>): fc.Arbitrary<QueryPart[]> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: values });
  // Repeated keys come free: the same key is drawn several times.
  return fc.array(fc.record({ key, value: values, raw: fc.boolean() }), { maxLength: 8 });
}

export function queryString(parts: QueryPart[], encode: (value: string) => string): string {
  if (parts.length === 0) return "";
  const text = parts
    .map(({ key, value, raw }) =>
      raw ? `${key.replaceAll(/[#&=]/g, "")}=${value.replaceAll(/[#&]/g, "")}` : `${encode(key)}=${encode(value)}`,
    )
    .join("&");
  return `?${text}`;
}

/** A request body: JSON with hostile keys and values, prototype-pollution JSON, or text that is not JSON. */
export function requestBody(values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .dictionary(fc.oneof(fc.constantFrom("reason", "__proto__", "constructor", "title"), values), values, {
        maxKeys: 5,
      })
      .map((body) => JSON.stringify(body)),
    values.map((reason) => JSON.stringify({ reason })),
    values.map(
      (reason) =>
        `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"reason":${JSON.stringify(reason)}}`,
    ),
    values,
    fc.constantFrom("", "{", "null", "[]", "true", "1e309", '{"reason":', "\u0000"),
  );
}

/** A value worth checking for echoes: long and unusual enough not to appear in a message by chance. */
export function isDistinctive(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 6 || new Set(trimmed).size < 3) return false;
  return /[^A-Za-z0-9 _-]/.test(trimmed) || trimmed.length >= 16;
}

/** True when the body repeats the value, raw or JSON-escaped. */
export function echoes(body: string, value: string): boolean {
  if (!isDistinctive(value)) return false;
  const escaped = JSON.stringify(value).slice(1, -1);
  return body.includes(value) || body.includes(escaped);
}
