// GroupBy: up to two DIMENSION or TAG groupings; a TAG group key is "<key>$<value>", "<key>$" untagged.
import { invalid } from "./input";
import { dimensionValue, parseDimension, tagValue, type Dimension, type Dimensioned } from "./line-dimensions";

export type Grouping = { type: "DIMENSION"; key: Dimension } | { type: "TAG"; key: string };

export function parseGroupBy(value: unknown[] | undefined): Grouping[] {
  if (!value) return [];
  if (value.length > 2) throw invalid("You can only group by up to two different groups");
  const groupings = value.map((entry): Grouping => {
    if (entry === null || typeof entry !== "object") throw invalid("GroupBy entries must be objects");
    const { Type: type, Key: key } = entry as { Type?: unknown; Key?: unknown };
    if (typeof key !== "string" || key === "") throw invalid("GroupBy Key is required");
    if (type === "DIMENSION") return { type, key: parseDimension(key) };
    if (type === "TAG") return { type, key };
    if (type === "COST_CATEGORY") throw invalid("No cost categories are defined in this account");
    throw invalid(`GroupBy Type ${String(type)} is not one of DIMENSION, TAG, COST_CATEGORY`);
  });
  const [first, second] = groupings;
  if (first && second && first.type === second.type && first.key === second.key)
    throw invalid("Group by keys must be unique");
  return groupings;
}

export function groupKeys(line: Dimensioned, groupings: readonly Grouping[]): string[] {
  return groupings.map((g) =>
    g.type === "DIMENSION" ? dimensionValue(line, g.key) : `${g.key}$${tagValue(line, g.key)}`,
  );
}
