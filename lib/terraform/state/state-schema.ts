// Terraform state format version 4, as `terraform state pull` prints it and the S3 backend stores it: only
// the parts CostLens reads are checked, the rest passes through.
import { z } from "zod";

const stateInstanceSchema = z
  .object({
    index_key: z.union([z.string(), z.number().int()]).optional(),
    attributes: z.record(z.string(), z.unknown()).default({}),
  })
  .passthrough();

const stateResourceSchema = z
  .object({
    module: z
      .string()
      .regex(/^module\.[\w-]+(\[[^\]]+\])?(\.module\.[\w-]+(\[[^\]]+\])?)*$/)
      .optional(),
    mode: z.enum(["managed", "data"]),
    type: z.string().min(1),
    name: z.string().min(1),
    /** provider["registry.terraform.io/hashicorp/aws"] or ....alias */
    provider: z.string().optional(),
    instances: z.array(stateInstanceSchema),
  })
  .passthrough();

export const terraformStateSchema = z
  .object({
    version: z.literal(4, { message: "expected Terraform state format version 4" }),
    serial: z.number().int().nonnegative(),
    lineage: z.string(),
    resources: z.array(stateResourceSchema).default([]),
  })
  .passthrough();

export type TerraformState = z.infer<typeof terraformStateSchema>;
export type StateResource = z.infer<typeof stateResourceSchema>;
export type StateInstance = z.infer<typeof stateInstanceSchema>;

/** One state file and what identifies its version (an S3 ETag or a content hash). */
export interface StateFile {
  /** e.g. "envs/prod/terraform.tfstate" */
  key: string;
  /** the root module directory the state belongs to, e.g. "envs/prod" */
  rootModule: string;
  version: string;
  state: TerraformState;
}

export class TerraformStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformStateError";
  }
}

/** Parses one state file's text; the error names the key and the first problem, never the content. */
export function parseStateText(key: string, text: string): TerraformState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TerraformStateError(`${key} is not JSON`);
  }
  const parsed = terraformStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TerraformStateError(`${key} is not a Terraform v4 state: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data;
}

export const STATE_KEY = /^envs\/([\w.-]+)\/terraform\.tfstate$/;

/** "envs/prod/terraform.tfstate" -> "envs/prod" */
export function rootModuleOfKey(key: string): string {
  return key.replace(/\/terraform\.tfstate$/, "");
}
