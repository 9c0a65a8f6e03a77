// Visits every bill line of a period that passes the request's filter (dimension and tag listings).
import type { CostSource } from "../../../org/cost-sources";
import { addDays } from "../../../org/days";
import { forEachCostLineOf, type CostLine } from "../../../org/costs";
import type { Organisation } from "../../../org/model";
import { candidateSources } from "./candidate-sources";
import { compileFilter } from "./filter";
import { optionalObject, timePeriod, type Json } from "./input";
import { clipToData } from "./time-buckets";

/**
 * `needed` lets a listing skip, as it goes, a source whose lines could add nothing new to it (a value it
 * already holds): the listing is a set, so it comes out the same and far fewer lines are priced.
 */
export function scanPeriod(
  input: Json,
  org: Organisation,
  visit: (line: CostLine) => void,
  needed: (source: CostSource) => boolean = () => true,
): void {
  const period = clipToData(org, timePeriod(input));
  const expression = optionalObject(input, "Filter");
  const filter = expression ? compileFilter(expression) : undefined;
  const sources = candidateSources(org, filter);
  for (let day = period.start; day < period.end; day = addDays(day, 1)) {
    forEachCostLineOf(org, day, stillNeeded(sources, needed), (line) => {
      if (!filter || filter.matches(line)) visit(line);
    });
  }
}

/** Lazy, so a source is skipped as soon as an earlier line of the same day made it redundant. */
function* stillNeeded(sources: readonly CostSource[], needed: (source: CostSource) => boolean) {
  for (const source of sources) if (needed(source)) yield source;
}

/** One page of a sorted listing, with AWS's ReturnSize / TotalSize / NextPageToken. */
export function pageOf<T>(items: T[], offset: number, size: number): { page: T[]; next?: number } {
  const page = items.slice(offset, offset + size);
  return offset + size < items.length ? { page, next: offset + size } : { page };
}
