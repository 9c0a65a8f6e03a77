// The common start of the fixes that edit each recommendation's own resource block (delete it, resize it):
// every resource must be in the index, none may carry an index refusal (a block that cannot be edited
// safely), and all must live in one root module, since one pull request plans one root module.
import type { Refusal } from "../fix-plan";
import type { IndexEntry } from "../index/index-entry";
import { refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { lookUp, notManaged, singleRootModule } from "./resolve-entries";

export type ResolvedResources = { kind: "resolved"; entries: IndexEntry[]; rootModule: string };

/** The index entries of the inputs' resources, in input order, and their root module; or why not. */
export function resolveResourceEntries(inputs: FixInput[], context: FixContext): ResolvedResources | Refusal {
  const { entries, missing } = lookUp(context.index, inputs, (input) => [input.resourceId]);
  if (missing.length > 0)
    return notManaged(
      inputs.filter((i) => missing.includes(i.resourceId)),
      missing,
    );
  const blocked = entries.find((e) => e.refusal);
  if (blocked?.refusal) return refusal(blocked.refusal.code, `${blocked.address}: ${blocked.refusal.reason}`);
  const rootModule = singleRootModule(entries);
  if (typeof rootModule !== "string") return rootModule;
  return { kind: "resolved", entries, rootModule };
}
