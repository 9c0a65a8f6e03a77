// Cost Explorer filter Expressions compiled into predicates: exactly one of Dimensions, Tags, And, Or or
// Not per expression, as AWS requires. A compiled filter also judges whole cost sources before they are
// priced, so a request for one account of a large organisation prices only the lines it can match.
import type { CostSource } from "../../../org/cost-sources";
import { invalid, type Json } from "./input";
import { dimensionValue, fixedDimensionValue, parseDimension, tagValue, type Dimensioned } from "./line-dimensions";

export type LinePredicate = (line: Dimensioned) => boolean;

/** Every line of a source passes (true), none does (false), or it depends on the day's usage (undefined). */
export type Verdict = boolean | undefined;

export interface CompiledFilter {
  matches: LinePredicate;
  verdict: (source: CostSource) => Verdict;
  /** When set, no line of any other account can pass (the filter pins LINKED_ACCOUNT to exact values). */
  accounts?: ReadonlySet<string>;
}

const MATCH_OPTIONS = [
  "EQUALS",
  "ABSENT",
  "STARTS_WITH",
  "ENDS_WITH",
  "CONTAINS",
  "CASE_SENSITIVE",
  "CASE_INSENSITIVE",
  "GREATER_THAN_OR_EQUAL",
];
const EXACT_OPTIONS = ["EQUALS", "CASE_SENSITIVE"];

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw invalid(`${field} must be a list of strings`);
  return value as string[];
}

function matcher(values: string[], options: string[]): (actual: string | undefined) => boolean {
  for (const option of options) if (!MATCH_OPTIONS.includes(option)) throw invalid(`Unsupported MatchOption ${option}`);
  const insensitive = options.includes("CASE_INSENSITIVE");
  const norm = (s: string) => (insensitive ? s.toLowerCase() : s);
  const wanted = values.map(norm);
  if (options.includes("ABSENT")) return (actual) => actual === undefined || actual === "";
  const test = options.includes("STARTS_WITH")
    ? (a: string, w: string) => a.startsWith(w)
    : options.includes("ENDS_WITH")
      ? (a: string, w: string) => a.endsWith(w)
      : options.includes("CONTAINS")
        ? (a: string, w: string) => a.includes(w)
        : (a: string, w: string) => a === w;
  return (actual) => {
    const value = norm(actual ?? "");
    return wanted.some((w) => test(value, w));
  };
}

function leaf(body: unknown, field: string): { key: string; values: string[]; options: string[] } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalid(`${field} must be an object`);
  const value = body as Json;
  if (typeof value.Key !== "string" || value.Key === "") throw invalid(`${field}.Key is required`);
  const values = stringList(value.Values, `${field}.Values`);
  const options = stringList(value.MatchOptions, `${field}.MatchOptions`);
  if (values.length === 0 && !options.includes("ABSENT")) throw invalid(`${field}.Values must not be empty`);
  return { key: value.Key, values, options };
}

function allOf(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(false)) return false;
  return verdicts.every((v) => v === true) ? true : undefined;
}

function anyOf(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(true)) return true;
  return verdicts.every((v) => v === false) ? false : undefined;
}

/** And: lines must be in every pinned child's accounts. */
function intersect(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  const pinned = sets.filter((s): s is ReadonlySet<string> => s !== undefined);
  const [first, ...rest] = pinned;
  if (!first) return undefined;
  return new Set([...first].filter((account) => rest.every((s) => s.has(account))));
}

/** Or: pinned only when every child is. */
function unite(sets: (ReadonlySet<string> | undefined)[]): ReadonlySet<string> | undefined {
  if (sets.some((s) => s === undefined)) return undefined;
  return new Set(sets.flatMap((s) => [...(s ?? [])]));
}

function compileDimensions(body: unknown): CompiledFilter {
  const { key, values, options } = leaf(body, "Dimensions");
  const dimension = parseDimension(key);
  const test = matcher(values, options);
  const exact = options.every((o) => EXACT_OPTIONS.includes(o));
  return {
    matches: (line) => test(dimensionValue(line, dimension)),
    verdict: (source) => {
      const value = fixedDimensionValue(source, dimension);
      return value === undefined ? undefined : test(value);
    },
    ...(dimension === "LINKED_ACCOUNT" && exact ? { accounts: new Set(values) } : {}),
  };
}

function compileTags(body: unknown): CompiledFilter {
  const { key, values, options } = leaf(body, "Tags");
  const test = matcher(values, options);
  const absentToo = values.includes("");
  // A line carries its source's tags, so the verdict on the source is the verdict on each of its lines.
  const matches = (line: Dimensioned) => {
    const actual = tagValue(line, key);
    return test(actual) || (absentToo && actual === "");
  };
  return { matches, verdict: matches };
}

export function compileFilter(expression: unknown): CompiledFilter {
  if (expression === null || typeof expression !== "object" || Array.isArray(expression))
    throw invalid("Expression must be an object");
  const parts = Object.entries(expression as Json).filter(([, v]) => v !== undefined && v !== null);
  if (parts.length !== 1)
    throw invalid("Expression must have exactly one of Dimensions, Tags, CostCategories, And, Or or Not");
  const [kind, body] = parts[0] as [string, unknown];
  switch (kind) {
    case "Dimensions":
      return compileDimensions(body);
    case "Tags":
      return compileTags(body);
    case "And":
    case "Or": {
      if (!Array.isArray(body) || body.length < 2) throw invalid(`${kind} needs at least two expressions`);
      const children = body.map(compileFilter);
      const accounts = (kind === "And" ? intersect : unite)(children.map((c) => c.accounts));
      return {
        matches:
          kind === "And"
            ? (line) => children.every((c) => c.matches(line))
            : (line) => children.some((c) => c.matches(line)),
        verdict: (source) => (kind === "And" ? allOf : anyOf)(children.map((c) => c.verdict(source))),
        ...(accounts ? { accounts } : {}),
      };
    }
    case "Not": {
      const child = compileFilter(body);
      return {
        matches: (line) => !child.matches(line),
        verdict: (source) => {
          const verdict = child.verdict(source);
          return verdict === undefined ? undefined : !verdict;
        },
      };
    }
    case "CostCategories":
      throw invalid("No cost categories are defined in this account");
    default:
      throw invalid(`Unknown expression type ${kind}`);
  }
}
