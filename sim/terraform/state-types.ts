// Terraform's state file, format version 4 (what `terraform state pull` prints and the S3 backend stores).

export type StateAttributes = { id: string } & Record<string, unknown>;

export interface StateInstance {
  index_key?: string | number;
  schema_version: number;
  attributes: StateAttributes;
  sensitive_attributes: unknown[];
  dependencies?: string[];
}

export interface StateResource {
  module?: string; // "module.vpc_main"
  mode: "managed" | "data";
  type: string;
  name: string;
  provider: string; // provider["registry.terraform.io/hashicorp/aws"] or ....alias
  instances: StateInstance[];
}

export interface TerraformStateV4 {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, { value: unknown; type: unknown; sensitive?: boolean }>;
  resources: StateResource[];
  check_results: null;
}

export const TERRAFORM_VERSION = "1.9.8";
export const STATE_BUCKET = "acme-terraform-state";

export function stateKey(environment: string): string {
  return `envs/${environment}/terraform.tfstate`;
}

/** The address Terraform prints for one instance: module.m.aws_instance.web["key"] or ...web[0]. */
export function instanceAddress(resource: StateResource, instance: StateInstance): string {
  const base = `${resource.module ? `${resource.module}.` : ""}${resource.type}.${resource.name}`;
  if (instance.index_key === undefined) return base;
  return typeof instance.index_key === "number" ? `${base}[${instance.index_key}]` : `${base}["${instance.index_key}"]`;
}
