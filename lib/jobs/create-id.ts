import { randomUUID } from "node:crypto";

/** Ids for rows this code creates itself (job runs): unique, and sortable by nothing but chance. */
export function createId(): string {
  return randomUUID();
}
