// The contract between lib/terraform (which works out a Terraform change for recommendations) and the
// pull-request flow (which commits it on a branch and opens the pull request). Either a plan with the
// whole new content of every file it touches, or a refusal with the reason the user sees.
import type { RecommendationType } from "../db/generated/enums";

/** One file the fix writes: the full new text, and the text it replaces (null for a new file). */
export interface FileChange {
  /** repository-relative path, e.g. "envs/prod/compute.tf" */
  path: string;
  previous: string | null;
  content: string;
}

/** What `terraform plan` should show the reviewer once the change is applied. */
export interface ExpectedPlan {
  add: number;
  change: number;
  destroy: number;
}

export interface FixPlan {
  kind: "plan";
  type: RecommendationType;
  /** the root module directory the change touches, e.g. "envs/prod" */
  rootModule: string;
  /** the repository commit the change was worked out against */
  baseSha: string;
  files: FileChange[];
  expectedPlan: ExpectedPlan;
  /** Terraform addresses touched, e.g. ["aws_instance.legacy_worker"] */
  addresses: string[];
  /** what a reviewer must know beyond the diff (e.g. Graviton needs an arm64 AMI) */
  notes: string[];
}

export type RefusalCode =
  | "not-managed"
  | "count-or-for-each"
  | "shared-module"
  | "block-not-found"
  | "ambiguous-block"
  | "unsupported-expression"
  | "mixed-root-modules"
  | "mixed-types"
  | "no-terraform-config";

export interface Refusal {
  kind: "refusal";
  code: RefusalCode;
  /** one or two sentences the user reads on the recommendation page */
  reason: string;
  /** for resources Terraform does not manage: the AWS CLI command that makes the same fix */
  cliCommand?: string;
}

export type FixOutcome = FixPlan | Refusal;
