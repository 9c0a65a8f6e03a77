// The shared shape of EC2's Describe* calls: optional ids (every one must exist), filters, then
// MaxResults/NextToken paging. EC2 refuses MaxResults together with explicit ids, and so do we.
import type { Tags } from "../../../org/model";
import { pageOf, type Page } from "../../../protocols/paging";
import type { QueryParams } from "../../../protocols/aws-query";
import { SimError } from "../../../server/types";
import { filterPredicate, parseFilters, type FilterFields } from "./filters";

export interface Ec2Collection<T> {
  /** Query name of the id list: "InstanceId" for `InstanceId.1`. */
  idParameter: string;
  id(item: T): string;
  notFound(missingIds: string[]): SimError;
  fields: FilterFields<T>;
  tags(item: T): Tags;
  defaultPageSize: number;
  maxPageSize: number;
}

export function describeCollection<T>(params: QueryParams, items: readonly T[], collection: Ec2Collection<T>): Page<T> {
  const ids = params.list(collection.idParameter);
  const maxResults = params.int("MaxResults", 5, collection.maxPageSize);
  if (ids.length > 0 && maxResults !== undefined) {
    throw new SimError(
      "InvalidParameterCombination",
      `The parameter ${collection.idParameter}s cannot be used with the parameter maxResults`,
    );
  }
  let selected = items;
  if (ids.length > 0) {
    const wanted = new Set(ids);
    selected = items.filter((item) => wanted.has(collection.id(item)));
    const found = new Set(selected.map((item) => collection.id(item)));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw collection.notFound(missing);
  }
  const matches = filterPredicate(parseFilters(params), collection.fields, collection.tags);
  const filtered = selected.filter(matches);
  const pageSize = ids.length > 0 ? filtered.length || 1 : (maxResults ?? collection.defaultPageSize);
  const invalid = new SimError("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
  return pageOf(filtered, params.get("NextToken"), pageSize, params.requestKey(), invalid);
}
