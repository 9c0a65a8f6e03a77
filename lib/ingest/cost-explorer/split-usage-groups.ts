// Takes usage groups' rows out of the service rows that hold them. Cost Explorer answers the service
// requests and the usage-group requests separately; a usage group's row (day, account, service, tags) is
// part of the service row with the same key, so that row keeps what is left. The stored rows then add up
// to exactly what the service requests said (the bill), with the usage group's part on its own row.
// A usage-group row with no service row to come out of (the two answers disagree) is dropped and counted:
// the bill stays as the service requests have it.
import { Decimal } from "../../db/decimal";
import type { CostRow } from "./fetch-cost-rows";

export interface UsageGroupSplit {
  rows: CostRow[];
  /** usage-group rows dropped because no service row held them */
  unmatched: CostRow[];
}

function keyOf(row: CostRow): string {
  return [row.day, row.accountId, row.service, row.teamTag, row.costCentreTag].join("\u0000");
}

const minus = (a: string, b: string) => new Decimal(a).minus(b).toFixed();

export function splitUsageGroups(serviceRows: readonly CostRow[], groupRows: readonly CostRow[]): UsageGroupSplit {
  const remainders = new Map<string, CostRow>();
  for (const row of serviceRows) remainders.set(keyOf(row), { ...row });
  const kept: CostRow[] = [];
  const unmatched: CostRow[] = [];
  const emptied = new Set<CostRow>();
  for (const row of groupRows) {
    const remainder = remainders.get(keyOf(row));
    if (!remainder) {
      unmatched.push(row);
      continue;
    }
    remainder.unblendedCost = minus(remainder.unblendedCost, row.unblendedCost);
    remainder.amortizedCost = minus(remainder.amortizedCost, row.amortizedCost);
    kept.push(row);
    const empty = new Decimal(remainder.unblendedCost).isZero() && new Decimal(remainder.amortizedCost).isZero();
    if (empty) emptied.add(remainder);
    else emptied.delete(remainder);
  }
  // A service row that was all usage group is gone; a row Cost Explorer itself sent as zero stays.
  const left = [...remainders.values()].filter((row) => !emptied.has(row));
  return { rows: [...left, ...kept], unmatched };
}
