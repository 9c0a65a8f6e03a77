// Visits every bill line of a period that passes the request's filter (dimension and tag listings).
import { addDays } from "../../../org/days";
import { forEachCostLine, type CostLine } from "../../../org/costs";
import type { Organisation } from "../../../org/model";
import { compileFilter } from "./filter";
import { optionalObject, timePeriod, type Json } from "./input";
import { clipToData } from "./time-buckets";

export function scanPeriod(input: Json, org: Organisation, visit: (line: CostLine) => void): void {
  const period = clipToData(org, timePeriod(input));
  const filter = optionalObject(input, "Filter");
  const matches = filter ? compileFilter(filter) : () => true;
  for (let day = period.start; day < period.end; day = addDays(day, 1)) {
    forEachCostLine(org, day, (line) => {
      if (matches(line)) visit(line);
    });
  }
}

/** One page of a sorted listing, with AWS's ReturnSize / TotalSize / NextPageToken. */
export function pageOf<T>(items: T[], offset: number, size: number): { page: T[]; next?: number } {
  const page = items.slice(offset, offset + size);
  return offset + size < items.length ? { page, next: offset + size } : { page };
}
