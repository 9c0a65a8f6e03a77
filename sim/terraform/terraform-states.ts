// The Terraform states of an organisation as generated: one v4 state per root configuration.
import type { Organisation } from "../org/model";
import { buildTerraformRepository } from "./build-repository";
import type { TerraformStateV4 } from "./state-types";

export function terraformStates(org: Organisation): Array<{ key: string; state: TerraformStateV4 }> {
  return buildTerraformRepository(org).states;
}
