// A restart on an existing repository directory regenerates the organisation as it was before any pull
// request; replaying the recorded merges into main, each on its own day, brings it back in line with main.
import { loadPullStore } from "../git/pull-store";
import type { Organisation } from "../org/model";
import { applyMergedChanges } from "./apply-merge";

export async function replayMerges(org: Organisation, repoDir: string): Promise<void> {
  const merged = loadPullStore(repoDir)
    .pulls.filter((p) => p.base === "main" && p.mergedAt !== null && p.mergeCommitSha !== null)
    .sort((a, b) => ((a.mergedAt ?? "") < (b.mergedAt ?? "") ? -1 : 1));
  for (const pull of merged) {
    if (pull.mergeCommitSha === null) continue;
    // Merges are stamped with the wall clock; a sandbox pinned to an earlier day applies them on that day.
    const stamped = (pull.mergedAt ?? "").slice(0, 10);
    const day = stamped < org.today ? stamped : org.today;
    await applyMergedChanges(org, repoDir, pull.baseSha, pull.mergeCommitSha, day);
  }
}
