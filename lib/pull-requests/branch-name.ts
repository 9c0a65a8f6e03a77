// The branch a pull request is committed on: a pure function of the recommendations and how many pull
// requests they had before, so a retry, a second click or a process taking over a crashed attempt all
// land on the same branch (and adopt what is already there) instead of opening another.
import { createHash } from "node:crypto";
import type { RecommendationType } from "../db/generated/enums";
import { typeSlug } from "../waste/recommendation-types";

export interface BranchSubject {
  id: string;
  resourceId: string;
}

const shortHash = (text: string, length: number) => createHash("sha256").update(text).digest("hex").slice(0, length);

/** A resource id as a ref-safe segment: "i-0abc", "arn:aws:...:db/x" -> "arn-aws-...-db-x", at most 60 chars. */
function refSafe(resourceId: string): string {
  const cleaned = resourceId
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[-.]+|[-.]+$/g, "")
    .replace(/\.lock$/, "-lock");
  return cleaned.slice(0, 60).replace(/[-.]+$/, "") || "resource";
}

/**
 * "costlens/zombie-instance/i-0abc123-1a2b3c4d" for one recommendation, "costlens/orphan-volume/batch-3-
 * 1a2b3c4d5e" for a set (the hash covers the sorted ids, so the order they were picked in does not matter);
 * the n-th attempt after n-1 closed pull requests ends in "-n".
 */
export function pullRequestBranch(type: RecommendationType, subjects: BranchSubject[], generation = 1): string {
  if (subjects.length === 0) throw new Error("a pull request needs at least one recommendation");
  const suffix = generation > 1 ? `-${generation}` : "";
  const first = subjects[0]!;
  if (subjects.length === 1) {
    return `costlens/${typeSlug(type)}/${refSafe(first.resourceId)}-${shortHash(first.id, 8)}${suffix}`;
  }
  const ids = subjects.map((subject) => subject.id).sort();
  return `costlens/${typeSlug(type)}/batch-${subjects.length}-${shortHash(ids.join(","), 10)}${suffix}`;
}
