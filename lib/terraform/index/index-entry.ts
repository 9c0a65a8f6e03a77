// One entry of the Terraform index: where the resource behind an AWS id is declared, or why CostLens
// cannot edit it safely. Stored as JSON in terraform_indexes.entries, so the schema guards what is read back.
import { z } from "zod";

export const refusalCodeSchema = z.enum([
  "not-managed",
  "count-or-for-each",
  "shared-module",
  "block-not-found",
  "ambiguous-block",
  "unsupported-expression",
  "mixed-root-modules",
  "mixed-types",
  "no-terraform-config",
]);

export const indexEntrySchema = z.object({
  /** the AWS id the entry is found by: instance id, volume id, DB identifier, VPC id, ASG name, ... */
  awsId: z.string(),
  /** the instance's full address, e.g. module.fleet.aws_instance.this["web-1"] */
  address: z.string(),
  /** "module.fleet", null at the root */
  modulePath: z.string().nullable(),
  type: z.string(),
  name: z.string(),
  indexKey: z.union([z.string(), z.number()]).nullable(),
  /** the root module directory whose state holds it, e.g. "envs/prod" */
  rootModule: z.string(),
  /** the file declaring the block, when it was found exactly once and may be edited */
  file: z.string().nullable(),
  /** why the block must not be edited, when it must not */
  refusal: z.object({ code: refusalCodeSchema, reason: z.string() }).nullable(),
  /** an expression for the id (the name, for an Auto Scaling group) usable in the root module's files */
  reference: z.string().nullable(),
  /** the provider configuration it was created with, e.g. "aws.west", null for the default one */
  provider: z.string().nullable(),
});

export type IndexEntry = z.infer<typeof indexEntrySchema>;

export const indexEntriesSchema = z.record(z.string(), indexEntrySchema);

/** The built index: every AWS id found in a state, with the commit and states it was built from. */
export interface TerraformIndex {
  branch: string;
  commitSha: string;
  stateFingerprint: string;
  /** root module directories that have a state, e.g. ["envs/dev", "envs/prod"] */
  rootModules: string[];
  entries: Record<string, IndexEntry>;
}
