// Pieces of EC2's XML that every Describe answer shares.
import type { Tags } from "../../../org/model";
import { xmlList, type XmlList } from "../../../protocols/xml";
import { hashString } from "../../../org/random";

export function tagSet(tags: Tags): XmlList {
  return xmlList(
    "item",
    Object.entries(tags).map(([key, value]) => ({ key, value })),
  );
}

export function stringSet(values: readonly string[]): XmlList {
  return xmlList("item", values);
}

/** A stable fake id for things the model does not name (reservations, images, gateways): `prefix-` + 17 hex. */
export function derivedId(prefix: string, seed: string): string {
  const hex = ["a", "b", "c"].map((part) => hashString(`${seed}#${part}`).toString(16).padStart(8, "0")).join("");
  return `${prefix}-${hex.slice(0, 17)}`;
}

export function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}
