// When a pull request is merged into main, the sandbox does what `terraform apply` would: removed resource
// blocks destroy their resources (goneDay = the merge day, today unless replayed), a changed instance_type / instance_class resizes from
// today, new aws_vpc_endpoint and aws_autoscaling_schedule blocks create endpoints and schedules, and the
// state served from S3 follows. Only root-level blocks are applied; edits inside modules are not modelled.
import type { Organisation } from "../org/model";
import { addEndpoint, addSchedule } from "./merge/add-resources";
import { changedRoots } from "./merge/changed-roots";
import { type MergeEffects, noEffects } from "./merge/effects";
import { removeResources } from "./merge/remove-resources";
import { resourceBlocks } from "./merge/resource-blocks";
import { retypeResources } from "./merge/retype-resources";
import { stateKey } from "./state-types";
import { storedStates, updateStoredState } from "./state-store";

export async function applyMergedChanges(
  org: Organisation,
  repoDir: string,
  before: string,
  after: string,
  day: string = org.today,
): Promise<MergeEffects> {
  const effects = noEffects();
  for (const root of await changedRoots(repoDir, before, after)) {
    const key = stateKey(root.environment);
    if (!storedStates(org).has(key)) continue;
    const old = resourceBlocks(root.files.map((f) => f.before));
    const now = resourceBlocks(root.files.map((f) => f.after));
    updateStoredState(org, key, (state) => {
      const removed = [...old.keys()].filter((address) => !now.has(address));
      removeResources(org, state, removed, day, effects);
      retypeResources(org, state, old, now, day, effects);
      for (const [address, block] of now) {
        if (old.has(address)) continue;
        if (block.type === "aws_vpc_endpoint") addEndpoint(org, state, block, { sha: after, day }, effects);
        else if (block.type === "aws_autoscaling_schedule") addSchedule(org, state, block, day, effects);
        else effects.ignored.push(address);
      }
    });
  }
  return effects;
}
