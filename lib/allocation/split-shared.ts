// Shared costs (shared services, shared clusters' idle): kept on their own line, or split across squads
// with rule "shared-split", proportional to each squad's direct spend of the day or evenly. Each shared
// line is split on its own (so a squad's share keeps its account and service) with the exact
// largest-remainder split, so the parts add up to the line.
import { Decimal } from "../db/decimal";
import type { AllocationSettings } from "./allocation-settings";
import type { AllocatedRow } from "./allocation-types";
import { splitExact } from "./split-exact";

export function splitShared(
  shared: readonly AllocatedRow[],
  direct: readonly AllocatedRow[],
  squads: readonly string[],
  mode: AllocationSettings["split"],
): AllocatedRow[] {
  if (mode === "none" || squads.length === 0 || shared.length === 0) return [...shared];
  const slugs = [...squads].sort();
  let weights: Decimal[];
  if (mode === "even") {
    weights = slugs.map(() => new Decimal(1));
  } else {
    const spend = new Map<string, Decimal>();
    for (const row of direct) {
      if (row.ownerType === "SQUAD") spend.set(row.squad, (spend.get(row.squad) ?? new Decimal(0)).plus(row.amount));
    }
    weights = slugs.map((slug) => spend.get(slug) ?? new Decimal(0));
  }
  return shared.flatMap((row) =>
    splitExact(row.amount, weights).map((amount, index) => ({
      ...row,
      ownerType: "SQUAD" as const,
      squad: slugs[index]!,
      rule: "shared-split" as const,
      amount,
    })),
  );
}
