// How much of the bill has an owner, by the rule that found it, and whom to chase: the accounts and the
// account/service pairs with the most unallocated spend, worst first. Also what the shared costs are, by
// service (AWS Support, NAT gateways, ...), kept on the shared line or split across squads.
import { z } from "zod";
import type { PrismaClient } from "../../db/generated/client";
import { fromIsoDay } from "../../format/dates";
import { moneyText } from "./money-text";
import type { ResolvedWindow } from "./spend-params";

const amount = z.string();

export const tagCoverageSchema = z.object({
  /** squads' share of the allocated bill (shared splits included), a fraction with six decimals */
  ownedShare: z.string(),
  byRule: z.array(z.object({ rule: z.string(), amount })),
  worstAccounts: z.array(z.object({ accountId: z.string(), name: z.string(), unallocated: amount })),
  worstServices: z.array(z.object({ accountId: z.string(), service: z.string(), unallocated: amount })),
  sharedByService: z.array(z.object({ service: z.string(), kept: amount, split: amount })),
});

export type TagCoverage = z.infer<typeof tagCoverageSchema>;

export async function getTagCoverage(
  prisma: PrismaClient,
  window: ResolvedWindow,
  options: { limit?: number } = {},
): Promise<TagCoverage> {
  const from = fromIsoDay(window.from);
  const to = fromIsoDay(window.to);
  const limit = options.limit ?? 10;
  const [share, byRule, accounts, services, shared] = await Promise.all([
    prisma.$queryRaw<Array<{ share: string | null }>>`
      SELECT ROUND(SUM(amount) FILTER (WHERE owner_type = 'SQUAD') / NULLIF(SUM(amount), 0), 6)::text AS share
      FROM allocated_cost_daily WHERE day >= ${from}::date AND day < ${to}::date`,
    prisma.$queryRaw<Array<{ rule: string; amount: string }>>`
      SELECT rule, SUM(amount)::text AS amount FROM allocated_cost_daily
      WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY rule ORDER BY SUM(amount) DESC, rule`,
    prisma.$queryRaw<Array<{ account_id: string; name: string | null; unallocated: string }>>`
      SELECT a.account_id, c.name, SUM(a.amount)::text AS unallocated
      FROM allocated_cost_daily a LEFT JOIN cloud_accounts c ON c.id = a.account_id
      WHERE a.owner_type = 'UNALLOCATED' AND a.day >= ${from}::date AND a.day < ${to}::date
      GROUP BY a.account_id, c.name ORDER BY SUM(a.amount) DESC, a.account_id LIMIT ${limit}`,
    prisma.$queryRaw<Array<{ account_id: string; service: string; unallocated: string }>>`
      SELECT account_id, service, SUM(amount)::text AS unallocated
      FROM allocated_cost_daily
      WHERE owner_type = 'UNALLOCATED' AND day >= ${from}::date AND day < ${to}::date
      GROUP BY account_id, service ORDER BY SUM(amount) DESC, account_id, service LIMIT ${limit}`,
    prisma.$queryRaw<Array<{ service: string; kept: string; split: string }>>`
      SELECT service,
             COALESCE(SUM(amount) FILTER (WHERE rule = 'shared'), 0)::text AS kept,
             COALESCE(SUM(amount) FILTER (WHERE rule = 'shared-split'), 0)::text AS split
      FROM allocated_cost_daily
      WHERE rule IN ('shared', 'shared-split') AND day >= ${from}::date AND day < ${to}::date
      GROUP BY service ORDER BY SUM(amount) DESC, service`,
  ]);
  return {
    ownedShare: moneyText(share[0]?.share),
    byRule: byRule.map((row) => ({ rule: row.rule, amount: moneyText(row.amount) })),
    worstAccounts: accounts.map((row) => ({
      accountId: row.account_id,
      name: row.name ?? row.account_id,
      unallocated: moneyText(row.unallocated),
    })),
    worstServices: services.map((row) => ({
      accountId: row.account_id,
      service: row.service,
      unallocated: moneyText(row.unallocated),
    })),
    sharedByService: shared.map((row) => ({
      service: row.service,
      kept: moneyText(row.kept),
      split: moneyText(row.split),
    })),
  };
}
