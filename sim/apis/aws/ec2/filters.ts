// EC2's `Filter.N.Name` / `Filter.N.Value.M` filters: values OR within a filter, filters AND together,
// `*` and `?` wildcards, and the generic tag filters (`tag:<key>`, `tag-key`, `tag-value`) on every
// resource. An unknown filter name is refused, as EC2 refuses it.
import type { Tags } from "../../../org/model";
import type { QueryParams } from "../../../protocols/aws-query";
import { SimError } from "../../../server/types";

export interface Filter {
  name: string;
  values: string[];
}

/** How a resource answers each filter name: the values it has for that field. */
export type FilterFields<T> = Record<string, (item: T) => string | undefined | readonly (string | undefined)[]>;

export function parseFilters(params: QueryParams): Filter[] {
  return params.structs("Filter").map((filter, i) => {
    const name = filter.get("Name");
    if (!name) throw new SimError("MissingParameter", `The request must contain the parameter Filter.${i + 1}.Name`);
    return { name, values: filter.list("Value") };
  });
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}

function anyMatches(candidates: readonly (string | undefined)[], patterns: readonly RegExp[]): boolean {
  return candidates.some((c) => c !== undefined && patterns.some((p) => p.test(c)));
}

/** A predicate for `filters`; validates the names up front so a bad name fails even on an empty list. */
export function filterPredicate<T>(filters: readonly Filter[], fields: FilterFields<T>, tags: (item: T) => Tags) {
  const checks = filters.map(({ name, values }) => {
    const patterns = values.map(wildcard);
    if (name.startsWith("tag:")) {
      const key = name.slice(4);
      return (item: T) => anyMatches([tags(item)[key]], patterns);
    }
    if (name === "tag-key") return (item: T) => anyMatches(Object.keys(tags(item)), patterns);
    if (name === "tag-value") return (item: T) => anyMatches(Object.values(tags(item)), patterns);
    const field = fields[name];
    if (!field) throw new SimError("InvalidParameterValue", `The filter '${name}' is invalid`);
    return (item: T) => {
      const value = field(item);
      return anyMatches(typeof value === "string" || value === undefined ? [value] : value, patterns);
    };
  });
  return (item: T) => checks.every((check) => check(item));
}
