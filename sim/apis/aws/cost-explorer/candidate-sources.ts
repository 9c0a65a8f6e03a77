// The cost sources a request has to price: those its filter can match on some day. Most requests filter by
// LINKED_ACCOUNT, so sources are indexed by account; the rest of the filter is judged on each source's
// fixed dimensions and tags. Lines of the sources kept are still checked against the whole filter.
import { costSources, type CostSource } from "../../../org/cost-sources";
import type { Organisation } from "../../../org/model";
import type { CompiledFilter } from "./filter";

/** Positions in the organisation's source list, by account; rebuilt with the list (cost-sources.ts). */
const indexes = new WeakMap<readonly CostSource[], Map<string, number[]>>();

function accountIndex(sources: readonly CostSource[]): Map<string, number[]> {
  const cached = indexes.get(sources);
  if (cached) return cached;
  const index = new Map<string, number[]>();
  sources.forEach((source, position) => {
    const positions = index.get(source.accountId);
    if (positions) positions.push(position);
    else index.set(source.accountId, [position]);
  });
  indexes.set(sources, index);
  return index;
}

/** In the organisation's order, so lines are visited as an unfiltered scan would visit them. */
export function candidateSources(org: Organisation, filter: CompiledFilter | undefined): CostSource[] {
  const sources = costSources(org);
  if (!filter) return sources;
  const pinned = filter.accounts
    ? [...filter.accounts]
        .flatMap((account) => accountIndex(sources).get(account) ?? [])
        .sort((a, b) => a - b)
        .map((position) => sources[position] as CostSource)
    : sources;
  return pinned.filter((source) => filter.verdict(source) !== false);
}
