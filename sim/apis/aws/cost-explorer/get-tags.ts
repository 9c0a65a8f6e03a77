// GetTags: the tag keys seen in a period, or with TagKey the values of that key (untagged lines excluded).
import type { CostSource } from "../../../org/cost-sources";
import type { Organisation } from "../../../org/model";
import { optionalInteger, optionalString, type Json } from "./input";
import { decodePageToken, encodePageToken } from "./page-token";
import { pageOf, scanPeriod } from "./period-scan";

export function getTags(input: Json, org: Organisation): Json {
  const tagKey = optionalString(input, "TagKey");
  const search = optionalString(input, "SearchString")?.toLowerCase();
  const maxResults = optionalInteger(input, "MaxResults", 1, 10_000) ?? 1000;
  const searched = (t: string) => !search || t.toLowerCase().includes(search);
  const found = new Set<string>();
  const listable = (t: string | undefined): t is string => !!t && !found.has(t) && searched(t);
  // Tags are fixed per source: one that could add no new listable key or value needs no pricing.
  const needed = (source: CostSource) =>
    tagKey === undefined ? Object.keys(source.tags).some(listable) : listable(source.tags[tagKey]);
  scanPeriod(
    input,
    org,
    (line) => {
      if (tagKey === undefined) for (const key of Object.keys(line.tags)) found.add(key);
      else {
        const value = line.tags[tagKey];
        if (value) found.add(value);
      }
    },
    needed,
  );
  const matching = [...found].filter(searched).sort();
  const { page, next } = pageOf(matching, decodePageToken(input), maxResults);
  return {
    Tags: page,
    ReturnSize: page.length,
    TotalSize: matching.length,
    ...(next !== undefined ? { NextPageToken: encodePageToken(input, next) } : {}),
  };
}
