// NextPageToken: an opaque token naming the request it belongs to (a hash of its other fields) and where
// the next page starts. A token from another request, or garbage, is refused.
import { createHash } from "node:crypto";
import { SimError } from "../../../server/types";
import type { Json } from "./input";

function requestHash(input: Json): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => key !== "NextPageToken"));
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

export function encodePageToken(input: Json, offset: number): string {
  return Buffer.from(JSON.stringify({ h: requestHash(input), o: offset })).toString("base64url");
}

/** The offset a request's NextPageToken points at; 0 without a token. */
export function decodePageToken(input: Json): number {
  const token = input.NextPageToken;
  if (token === undefined || token === null) return 0;
  const refuse = () => new SimError("InvalidNextTokenException", "The pagination token is invalid.");
  if (typeof token !== "string") throw refuse();
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { h?: unknown; o?: unknown };
    if (parsed.h !== requestHash(input) || typeof parsed.o !== "number" || !Number.isInteger(parsed.o) || parsed.o < 0)
      throw refuse();
    return parsed.o;
  } catch {
    throw refuse();
  }
}
