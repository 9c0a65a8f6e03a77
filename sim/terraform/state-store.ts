// The states the sandbox serves from its S3 bucket. They start as the generated states and then follow
// merged pull requests (a removed block leaves its state, an added endpoint joins it), as `terraform
// apply` after a merge would leave them. Kept per organisation object, so each running sandbox has its own.
import type { Organisation } from "../org/model";
import type { TerraformStateV4 } from "./state-types";
import { terraformStates } from "./terraform-states";

export interface StoredState {
  key: string;
  state: TerraformStateV4;
  lastModified: Date;
}

const stores = new WeakMap<Organisation, Map<string, StoredState>>();

export function storedStates(org: Organisation): Map<string, StoredState> {
  let store = stores.get(org);
  if (!store) {
    const generatedAt = new Date(`${org.today}T00:00:00Z`);
    generatedAt.setUTCHours(-15);
    store = new Map(terraformStates(org).map(({ key, state }) => [key, { key, state, lastModified: generatedAt }]));
    stores.set(org, store);
  }
  return store;
}

/** Changes one state as an apply would: a new serial, a new modification time. */
export function updateStoredState(org: Organisation, key: string, change: (state: TerraformStateV4) => void): void {
  const stored = storedStates(org).get(key);
  if (!stored) return;
  change(stored.state);
  stored.state.serial += 1;
  stored.lastModified = new Date();
}
