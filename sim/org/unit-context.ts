// What the generator's steps share while building one "unit" of the organisation. Scale N builds N units:
// each is a full copy of the case-study company (its own accounts, VPCs, clusters, fleets and databases),
// drawn from its own PRNG stream; the twelve squads are shared by all units.
import type { IdFactory } from "./ids";
import type { Account, Day, Environment, Organisation, Subnet, Tags, Vpc } from "./model";
import type { Random } from "./random";

export type AccountRole =
  "production" | "production-data" | "staging" | "dev" | "qa" | "perf" | "shared-services" | "security";

export interface NetworkPlacement {
  account: Account;
  vpc: Vpc;
  privateSubnets: Subnet[];
}

export interface UnitContext {
  org: Organisation;
  unit: number;
  /** "" for the first unit, "-u2", "-u3", ... for the others: keeps names unique at scale > 1. */
  suffix: string;
  random: Random;
  ids: IdFactory;
  today: Day;
  accounts: Map<AccountRole, Account>;
  /** Keyed by `${accountId}/${region}`. */
  networks: Map<string, NetworkPlacement>;
}

export function accountFor(ctx: UnitContext, role: AccountRole): Account {
  const account = ctx.accounts.get(role);
  if (!account) throw new Error(`unit ${ctx.unit} has no ${role} account`);
  return account;
}

export function networkFor(ctx: UnitContext, account: Account, region = "us-east-1"): NetworkPlacement {
  const placement = ctx.networks.get(`${account.id}/${region}`);
  if (!placement) throw new Error(`no network for ${account.name} in ${region}`);
  return placement;
}

/** The standard tags; `untagged` drops team and cost-centre, which is how untagged spend appears. */
export function standardTags(
  squad: { slug: string; costCentre: string },
  environment: Environment,
  name: string,
  untagged = false,
): Tags {
  if (untagged) return { Name: name, environment };
  return { Name: name, team: squad.slug, environment, "cost-centre": squad.costCentre };
}
