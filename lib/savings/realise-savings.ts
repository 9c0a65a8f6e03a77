// For each recommendation RESOLVED by a merged pull request and not yet realised: load its cost group's
// daily totals around the merge, judge them (realisation-rule.ts) and, when the drop shows, record the
// realised saving on the item, mark the recommendation REALISED and sum the pull request's realised saving.
import type { PrismaClient } from "../db/generated/client";
import { Decimal } from "../db/decimal";
import { addDays, fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";
import { costGroupOf, type CostGroup } from "./cost-group";
import {
  AFTER_DAYS,
  BEFORE_DAYS,
  judgeRealisation,
  type GroupCostDay,
  type RealisationOutcome,
} from "./realisation-rule";

export interface RealiseSummary {
  realised: { recommendationId: string; pullRequestId: string; monthlySaving: string }[];
  waiting: { recommendationId: string; reason: string }[];
}

async function groupCosts(prisma: PrismaClient, group: CostGroup, from: IsoDay, to: IsoDay): Promise<GroupCostDay[]> {
  const rows = await prisma.costDaily.findMany({
    where: {
      accountId: group.accountId,
      teamTag: group.teamTag,
      OR: group.lines.map(({ service, usageGroup }) => ({ service, usageGroup })),
      day: { gte: fromIsoDay(from), lte: fromIsoDay(to) },
    },
    select: { day: true, unblendedCost: true, estimated: true },
  });
  const byDay = new Map<IsoDay, GroupCostDay>();
  for (const row of rows) {
    const day = toIsoDay(row.day);
    const seen = byDay.get(day) ?? { day, amount: new Decimal(0), estimated: false };
    byDay.set(day, { day, amount: seen.amount.add(row.unblendedCost), estimated: seen.estimated || row.estimated });
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

function describeWait(outcome: RealisationOutcome): string {
  if (outcome.kind === "waiting") return outcome.reason;
  if (outcome.kind === "no-drop")
    return `no drop in the cost group yet (${outcome.beforeDailyMean.toFixed(2)} a day before, ${outcome.afterDailyMean.toFixed(2)} after)`;
  return "";
}

export async function realiseSavings(prisma: PrismaClient, now = new Date()): Promise<RealiseSummary> {
  const summary: RealiseSummary = { realised: [], waiting: [] };
  const items = await prisma.pullRequestRecommendation.findMany({
    where: { realisedSaving: null, pullRequest: { state: "MERGED" }, recommendation: { status: "RESOLVED" } },
    select: {
      pullRequestId: true,
      recommendationId: true,
      projectedSaving: true,
      pullRequest: { select: { mergedAt: true } },
      recommendation: {
        select: {
          resolvedAt: true,
          resource: {
            select: { kind: true, accountId: true, teamTag: true, goneOn: true },
          },
        },
      },
    },
  });
  for (const item of items) {
    const { resource, resolvedAt } = item.recommendation;
    const mergedAt = item.pullRequest.mergedAt;
    const group = resource ? costGroupOf(resource) : null;
    if (!group || !mergedAt || !resolvedAt) {
      summary.waiting.push({ recommendationId: item.recommendationId, reason: "no cost group or merge date known" });
      continue;
    }
    const mergedOn = toIsoDay(mergedAt);
    const changeSeenOn = toIsoDay(resource?.goneOn ?? resolvedAt);
    const costs = await groupCosts(
      prisma,
      group,
      addDays(mergedOn, -BEFORE_DAYS),
      addDays(changeSeenOn > mergedOn ? changeSeenOn : mergedOn, AFTER_DAYS),
    );
    const outcome = judgeRealisation({ projectedMonthlySaving: item.projectedSaving, mergedOn, changeSeenOn, costs });
    if (outcome.kind !== "realised") {
      summary.waiting.push({ recommendationId: item.recommendationId, reason: describeWait(outcome) });
      continue;
    }
    await recordRealisation(prisma, item.pullRequestId, item.recommendationId, outcome, now);
    summary.realised.push({
      recommendationId: item.recommendationId,
      pullRequestId: item.pullRequestId,
      monthlySaving: outcome.monthlySaving.toFixed(),
    });
  }
  return summary;
}

async function recordRealisation(
  prisma: PrismaClient,
  pullRequestId: string,
  recommendationId: string,
  outcome: Extract<RealisationOutcome, { kind: "realised" }>,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const written = await tx.pullRequestRecommendation.updateMany({
      where: { pullRequestId, recommendationId, realisedSaving: null },
      data: { realisedSaving: outcome.monthlySaving },
    });
    if (written.count === 0) return;
    await tx.recommendation.updateMany({
      where: { id: recommendationId, status: "RESOLVED" },
      data: { status: "REALISED" },
    });
    const total = await tx.pullRequestRecommendation.aggregate({
      where: { pullRequestId },
      _sum: { realisedSaving: true },
    });
    await tx.pullRequest.update({
      where: { id: pullRequestId },
      data: { realisedSaving: total._sum.realisedSaving, realisedAt: now },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actor: "costlens",
        action: "recommendation.realise",
        entityType: "recommendation",
        entityId: recommendationId,
        before: { status: "RESOLVED" },
        after: {
          status: "REALISED",
          pullRequestId,
          realisedMonthlySaving: outcome.monthlySaving.toFixed(),
          observedDailyDrop: outcome.observedDailyDrop.toFixed(),
          beforeDays: outcome.beforeDays,
          afterDays: outcome.afterDays,
        },
      },
      select: { id: true },
    });
  });
}
