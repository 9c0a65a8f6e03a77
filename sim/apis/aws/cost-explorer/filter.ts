// Cost Explorer filter Expressions compiled into predicates: exactly one of Dimensions, Tags, And, Or or
// Not per expression, as AWS requires.
import { invalid, type Json } from "./input";
import { dimensionValue, parseDimension, tagValue, type Dimensioned } from "./line-dimensions";

export type LinePredicate = (line: Dimensioned) => boolean;

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

export function compileFilter(expression: unknown): LinePredicate {
  if (expression === null || typeof expression !== "object" || Array.isArray(expression))
    throw invalid("Expression must be an object");
  const parts = Object.entries(expression as Json).filter(([, v]) => v !== undefined && v !== null);
  if (parts.length !== 1)
    throw invalid("Expression must have exactly one of Dimensions, Tags, CostCategories, And, Or or Not");
  const [kind, body] = parts[0] as [string, unknown];
  switch (kind) {
    case "Dimensions": {
      const { key, values, options } = leaf(body, "Dimensions");
      const dimension = parseDimension(key);
      const matches = matcher(values, options);
      return (line) => matches(dimensionValue(line, dimension));
    }
    case "Tags": {
      const { key, values, options } = leaf(body, "Tags");
      const matches = matcher(values, options);
      const absentToo = values.includes("");
      return (line) => {
        const actual = tagValue(line, key);
        return matches(actual) || (absentToo && actual === "");
      };
    }
    case "And":
    case "Or": {
      if (!Array.isArray(body) || body.length < 2) throw invalid(`${kind} needs at least two expressions`);
      const children = body.map(compileFilter);
      return kind === "And" ? (line) => children.every((c) => c(line)) : (line) => children.some((c) => c(line));
    }
    case "Not": {
      const child = compileFilter(body);
      return (line) => !child(line);
    }
    case "CostCategories":
      throw invalid("No cost categories are defined in this account");
    default:
      throw invalid(`Unknown expression type ${kind}`);
  }
}
