// Pagination shared by every sandbox API: a page is a slice of a deterministic list, and the token is an
// opaque string that encodes the offset and a fingerprint of the request, so a token replayed with other
// filters is refused the way AWS refuses it rather than silently answering a different list.
import { createHash } from "node:crypto";
import { SimError } from "../server/types";

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function fingerprint(requestKey: string): string {
  return createHash("sha256").update(requestKey).digest("base64url").slice(0, 12);
}

export function encodeToken(offset: number, requestKey: string): string {
  return Buffer.from(`${offset}:${fingerprint(requestKey)}`).toString("base64url");
}

/** The offset a token stands for; throws `invalid` when the token is malformed or from another request. */
export function decodeToken(token: string | undefined, requestKey: string, invalid: SimError): number {
  if (token === undefined || token === "") return 0;
  const match = /^(\d+):(.+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match || match[2] !== fingerprint(requestKey)) throw invalid;
  return Number(match[1]);
}

/**
 * One page of `items`. `requestKey` is the canonical form of the request's filters (not its paging
 * parameters); `invalid` is the API's own error for a bad token.
 */
export function pageOf<T>(
  items: readonly T[],
  token: string | undefined,
  pageSize: number,
  requestKey: string,
  invalid: SimError,
): Page<T> {
  const offset = decodeToken(token, requestKey, invalid);
  if (offset > items.length) throw invalid;
  const end = offset + pageSize;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end, requestKey) : undefined,
  };
}
