import type { PrismaClient } from "../db/generated/client";
import type { OwnershipRuleKind } from "../db/generated/enums";

export interface OwnershipRuleSummary {
  id: string;
  kind: OwnershipRuleKind;
  matchValue: string;
  squad: string;
  priority: number;
}

export interface SettingSummary {
  key: string;
  value: unknown;
  updatedAt: Date;
  updatedBy: string | null;
}

export async function getSettingsOverview(prisma: PrismaClient) {
  const [rules, settings] = await Promise.all([
    prisma.ownershipRule.findMany({
      select: { id: true, kind: true, matchValue: true, priority: true, squad: { select: { slug: true } } },
      orderBy: [{ priority: "asc" }, { kind: "asc" }, { matchValue: "asc" }],
    }),
    prisma.setting.findMany({
      select: { key: true, value: true, updatedAt: true, updatedBy: true },
      orderBy: { key: "asc" },
    }),
  ]);
  const ownershipRules: OwnershipRuleSummary[] = rules.map(({ squad, ...rule }) => ({ ...rule, squad: squad.slug }));
  const values: SettingSummary[] = settings;
  return { ownershipRules, settings: values };
}
