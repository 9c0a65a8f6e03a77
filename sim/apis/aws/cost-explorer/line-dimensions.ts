// The dimension and tag values of a bill line, as Cost Explorer names them.
import type { CostSource } from "../../../org/cost-sources";
import type { Tags } from "../../../org/model";
import { invalid } from "./input";

/** What filters and groupings look at: a cost line, or a resource dressed as one (rightsizing). */
export interface Dimensioned {
  accountId: string;
  region: string;
  service: string;
  usageType: string;
  recordType: string;
  instanceType?: string;
  tags: Tags;
}

export const DIMENSIONS = [
  "LINKED_ACCOUNT",
  "SERVICE",
  "REGION",
  "USAGE_TYPE",
  "RECORD_TYPE",
  "INSTANCE_TYPE",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export function parseDimension(key: string): Dimension {
  if (!(DIMENSIONS as readonly string[]).includes(key)) {
    throw invalid(`Dimension ${key} is not allowed. Allowed dimension(s): ${DIMENSIONS.join(", ")}`);
  }
  return key as Dimension;
}

export function dimensionValue(line: Dimensioned, dimension: Dimension): string {
  switch (dimension) {
    case "LINKED_ACCOUNT":
      return line.accountId;
    case "SERVICE":
      return line.service;
    case "REGION":
      return line.region;
    case "USAGE_TYPE":
      return line.usageType;
    case "RECORD_TYPE":
      return line.recordType;
    case "INSTANCE_TYPE":
      return line.instanceType ?? "NoInstanceType";
  }
}

/**
 * The value a dimension has on every line of a source, or undefined when it can change from day to day
 * (the usage type and instance type of a resizable source).
 */
export function fixedDimensionValue(source: CostSource, dimension: Dimension): string | undefined {
  if (source.resizable && (dimension === "USAGE_TYPE" || dimension === "INSTANCE_TYPE")) return undefined;
  return dimensionValue(source, dimension);
}

/** A tag's value, "" when the line lacks the tag (Cost Explorer's `team$` group). */
export function tagValue(line: Dimensioned, key: string): string {
  return line.tags[key] ?? "";
}
