// The unit's AWS accounts: one per environment, a separate production account for the data squad, and two
// shared accounts (shared services and security) that no squad owns.
import type { Account, Environment } from "./model";
import type { AccountRole, UnitContext } from "./unit-context";

const ACCOUNT_LAYOUT: ReadonlyArray<{ role: AccountRole; environment: Environment; ownerSquad?: string }> = [
  { role: "production", environment: "production" },
  { role: "production-data", environment: "production", ownerSquad: "data" },
  { role: "staging", environment: "staging" },
  { role: "dev", environment: "dev" },
  { role: "qa", environment: "qa" },
  { role: "perf", environment: "perf" },
  { role: "shared-services", environment: "shared" },
  { role: "security", environment: "shared" },
];

export function generateAccounts(ctx: UnitContext): void {
  for (const layout of ACCOUNT_LAYOUT) {
    const account: Account = {
      id: ctx.ids.accountId(),
      name: `shop-${layout.role}${ctx.suffix}`,
      environment: layout.environment,
      ...(layout.ownerSquad ? { ownerSquad: layout.ownerSquad } : {}),
    };
    ctx.accounts.set(layout.role, account);
    ctx.org.accounts.push(account);
  }
}
