// GetCostAndUsage. Pages hold whole ResultsByTime buckets and close once they carry PAGE_GROUPS groups, so
// a 13-month DAILY request grouped by two keys takes several pages, and only the page's days are computed,
// from the sources the filter can match (candidate-sources.ts).
import { forEachCostLineOf, restatedPerMille } from "../../../org/costs";
import type { Organisation } from "../../../org/model";
import { SimError } from "../../../server/types";
import { candidateSources } from "./candidate-sources";
import { compileFilter } from "./filter";
import { groupKeys, parseGroupBy } from "./group-by";
import { optionalArray, optionalObject, optionalString, timePeriod, type Json } from "./input";
import { addLine, emptySums, parseMetrics, renderMetrics, type MetricSums } from "./metrics";
import { decodePageToken, encodePageToken } from "./page-token";
import { clipToData, daysOf, parseGranularity, timeBuckets } from "./time-buckets";

export const PAGE_GROUPS = 5000;
const KEY_SEPARATOR = "\u0001";

export function getCostAndUsage(input: Json, org: Organisation): Json {
  const period = clipToData(org, timePeriod(input));
  const granularity = parseGranularity(optionalString(input, "Granularity"));
  const metrics = parseMetrics(optionalArray(input, "Metrics"));
  const groupings = parseGroupBy(optionalArray(input, "GroupBy"));
  const expression = optionalObject(input, "Filter");
  const filter = expression ? compileFilter(expression) : undefined;
  const buckets = timeBuckets(period, granularity);
  const offset = decodePageToken(input);
  if (offset >= buckets.length) throw new SimError("InvalidNextTokenException", "The pagination token is invalid.");

  const sources = candidateSources(org, filter);
  const resultsByTime: Json[] = [];
  const accountsSeen = new Set<string>();
  let groupsOnPage = 0;
  let next = offset;
  while (next < buckets.length && groupsOnPage < PAGE_GROUPS) {
    const bucket = buckets[next++];
    if (!bucket) break;
    const total = emptySums();
    const groups = new Map<string, MetricSums>();
    let estimated = false;
    for (const day of daysOf(bucket)) {
      if (restatedPerMille(org, day) !== 1000) estimated = true;
      forEachCostLineOf(org, day, sources, (line) => {
        if (filter && !filter.matches(line)) return;
        if (groupings.length === 0) return addLine(total, line);
        const key = groupKeys(line, groupings).join(KEY_SEPARATOR);
        let sums = groups.get(key);
        if (!sums) groups.set(key, (sums = emptySums()));
        addLine(sums, line);
        accountsSeen.add(line.accountId);
      });
    }
    const sortedKeys = [...groups.keys()].sort();
    resultsByTime.push({
      TimePeriod: { Start: bucket.start, End: bucket.end },
      Total: groupings.length === 0 ? renderMetrics(total, metrics) : {},
      Groups: sortedKeys.map((key) => ({
        Keys: key.split(KEY_SEPARATOR),
        Metrics: renderMetrics(groups.get(key) ?? emptySums(), metrics),
      })),
      Estimated: estimated,
    });
    groupsOnPage += Math.max(1, groups.size);
  }

  const byAccount = groupings.some((g) => g.type === "DIMENSION" && g.key === "LINKED_ACCOUNT");
  return {
    GroupDefinitions: groupings.map((g) => ({ Type: g.type, Key: g.key })),
    ResultsByTime: resultsByTime,
    DimensionValueAttributes: byAccount
      ? org.accounts
          .filter((a) => accountsSeen.has(a.id))
          .map((a) => ({ Value: a.id, Attributes: { description: a.name } }))
      : [],
    ...(next < buckets.length ? { NextPageToken: encodePageToken(input, next) } : {}),
  };
}
