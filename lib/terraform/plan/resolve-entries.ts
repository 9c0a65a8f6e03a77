// Looks every recommendation's resource up in the index: refuses the batch when one is not managed by
// Terraform (with the CLI command that does the same by hand), and when they span root modules.
import type { Refusal } from "../fix-plan";
import type { IndexEntry, TerraformIndex } from "../index/index-entry";
import { awsCliCommands } from "./aws-cli-commands";
import { refusal } from "./fix-context";
import type { FixInput } from "./fix-input";

export function notManaged(inputs: FixInput[], ids: string[]): Refusal {
  const commands = inputs.flatMap(awsCliCommands);
  return refusal(
    "not-managed",
    `${ids.join(", ")} ${ids.length === 1 ? "is" : "are"} not in any Terraform state, so ${ids.length === 1 ? "it was" : "they were"} made outside Terraform (console or CLI). Apply the fix with the AWS CLI instead.`,
    commands.length > 0 ? commands.join("\n") : undefined,
  );
}

export function noConfiguration(): Refusal {
  return refusal(
    "no-terraform-config",
    "No Terraform state was found (TERRAFORM_STATE_BUCKET or TERRAFORM_STATE_DIR), so nothing can be mapped to Terraform.",
  );
}

/** The single root module of the entries, or a refusal naming them. */
export function singleRootModule(entries: IndexEntry[]): string | Refusal {
  const roots = [...new Set(entries.map((e) => e.rootModule))].sort();
  if (roots.length === 1) return roots[0]!;
  return refusal(
    "mixed-root-modules",
    `These resources live in different root modules (${roots.join(", ")}): open one pull request per root module.`,
  );
}

export function lookUp(index: TerraformIndex, inputs: FixInput[], idOf: (input: FixInput) => string[]) {
  const missing: string[] = [];
  const entries: IndexEntry[] = [];
  for (const input of inputs) {
    for (const id of idOf(input)) {
      const entry = index.entries[id];
      if (entry) entries.push(entry);
      else missing.push(id);
    }
  }
  return { entries, missing };
}
