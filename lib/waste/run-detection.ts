// A detection run: load the facts, run every detector, and bring the stored recommendations in line, one
// transaction per type. A recommendation is keyed by (type, account, region, resource): a rerun updates it.
// - new finding: OPEN
// - OPEN / IN_PROGRESS: evidence and savings refreshed (IN_PROGRESS belongs to the pull-request flow)
// - DISMISSED: stays dismissed unless the evidence changed materially (evidenceHash), then OPEN again
// - RESOLVED: found again, so OPEN again
// - REALISED: left alone
// - OPEN or DISMISSED with no finding this run, and whose resource is gone or no longer matches (not
//   merely unjudged for lack of data or a price): RESOLVED
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";
import type { IsoDay } from "../format/dates";
import { detectAll, RECOMMENDATION_TYPES } from "./detect-all";
import {
  lookbackWindow,
  type DetectorResult,
  type Finding,
  type InsufficientData,
  type MissingPrice,
} from "./detection-facts";
import { evidenceHash } from "./evidence-hash";
import { loadDetectionFacts } from "./load-detection-facts";
import type { Thresholds } from "./thresholds";

export interface TypeSummary {
  findings: number;
  created: number;
  updated: number;
  reopened: number;
  resolved: number;
  keptDismissed: number;
}

export interface DetectionSummary {
  today: IsoDay;
  window: { from: IsoDay; to: IsoDay };
  byType: Record<RecommendationType, TypeSummary>;
  insufficientData: InsufficientData[];
  missingPrices: MissingPrice[];
  rowsWritten: number;
}

export interface RunDetectionOptions {
  today: IsoDay;
  now?: Date;
  thresholds?: Thresholds;
  signal?: AbortSignal;
}

const naturalKey = (r: { accountId: string; region: string; resourceId: string }) =>
  `${r.accountId}|${r.region}|${r.resourceId}`;

type Tx = Prisma.TransactionClient;

/** Squad ids by team tag value: a squad's slug, or a TEAM_TAG ownership rule's value. */
async function squadsByTeamTag(prisma: PrismaClient): Promise<Map<string, string>> {
  const [squads, rules] = await Promise.all([
    prisma.squad.findMany({ select: { id: true, slug: true } }),
    prisma.ownershipRule.findMany({ where: { kind: "TEAM_TAG" }, select: { matchValue: true, squadId: true } }),
  ]);
  const map = new Map(squads.map((s) => [s.slug, s.id]));
  for (const rule of rules) if (!map.has(rule.matchValue)) map.set(rule.matchValue, rule.squadId);
  return map;
}

function findingData(finding: Finding, squadId: string | null, hash: string) {
  return {
    resourceRef: finding.resourceRef,
    squadId,
    currentMonthlyCost: finding.currentMonthlyCost,
    projectedMonthlyCost: finding.projectedMonthlyCost,
    monthlySaving: finding.monthlySaving,
    evidence: finding.evidence as unknown as Prisma.InputJsonValue,
    evidenceHash: hash,
  };
}

async function applyType(
  tx: Tx,
  type: RecommendationType,
  result: DetectorResult,
  squads: Map<string, string>,
  liveRefs: ReadonlySet<string>,
  now: Date,
): Promise<TypeSummary> {
  const summary: TypeSummary = {
    findings: result.findings.length,
    created: 0,
    updated: 0,
    reopened: 0,
    resolved: 0,
    keptDismissed: 0,
  };
  const stored = await tx.recommendation.findMany({
    where: { type },
    select: {
      id: true,
      accountId: true,
      region: true,
      resourceId: true,
      resourceRef: true,
      status: true,
      evidenceHash: true,
    },
  });
  const byKey = new Map(stored.map((r) => [naturalKey(r), r]));
  const unjudged = new Set(result.insufficientData.map((i) => i.resourceId));
  for (const missing of result.missingPrices) unjudged.add(missing.resourceId);
  const seen = new Set<string>();
  const creates: Prisma.RecommendationCreateManyInput[] = [];

  for (const finding of result.findings) {
    const key = naturalKey(finding);
    seen.add(key);
    const hash = evidenceHash(finding);
    const squadId = squads.get(finding.teamTag) ?? null;
    const existing = byKey.get(key);
    if (!existing) {
      creates.push({
        type,
        status: "OPEN",
        resourceId: finding.resourceId,
        accountId: finding.accountId,
        region: finding.region,
        ...findingData(finding, squadId, hash),
        detectedAt: now,
      });
      continue;
    }
    if (existing.status === "REALISED") continue;
    let status: RecommendationStatus = existing.status;
    const reopen =
      existing.status === "RESOLVED" || (existing.status === "DISMISSED" && existing.evidenceHash !== hash);
    if (reopen) status = "OPEN";
    if (existing.status === "DISMISSED" && !reopen) {
      // the dismissal stands: refresh the figures, keep the hash it was dismissed on
      summary.keptDismissed++;
      await tx.recommendation.update({
        where: { id: existing.id },
        data: { ...findingData(finding, squadId, existing.evidenceHash) },
        select: { id: true },
      });
      continue;
    }
    await tx.recommendation.update({
      where: { id: existing.id },
      data: {
        ...findingData(finding, squadId, hash),
        status,
        ...(reopen ? { resolvedAt: null, dismissedReason: null, dismissedBy: null, detectedAt: now } : {}),
      },
      select: { id: true },
    });
    if (reopen) summary.reopened++;
    else summary.updated++;
  }
  if (creates.length > 0) summary.created = (await tx.recommendation.createMany({ data: creates })).count;

  const resolve = stored.filter((r) => {
    if (seen.has(naturalKey(r))) return false;
    if (r.status !== "OPEN" && r.status !== "DISMISSED") return false;
    const gone = r.resourceRef !== null ? !liveRefs.has(r.resourceRef) : false;
    // not judged this run (metrics or a price missing) and still there: leave it as it is
    return gone || !unjudged.has(r.resourceId);
  });
  if (resolve.length > 0) {
    summary.resolved = (
      await tx.recommendation.updateMany({
        where: { id: { in: resolve.map((r) => r.id) } },
        data: { status: "RESOLVED", resolvedAt: now },
      })
    ).count;
  }
  return summary;
}

export async function runDetection(prisma: PrismaClient, options: RunDetectionOptions): Promise<DetectionSummary> {
  const now = options.now ?? new Date();
  const facts = await loadDetectionFacts(prisma, options.today, options.thresholds);
  options.signal?.throwIfAborted();
  const results = detectAll(facts);
  const squads = await squadsByTeamTag(prisma);
  const liveRefs = new Set(facts.resources.map((r) => r.id));

  const byType = {} as Record<RecommendationType, TypeSummary>;
  for (const type of RECOMMENDATION_TYPES) {
    options.signal?.throwIfAborted();
    byType[type] = await prisma.$transaction((tx) => applyType(tx, type, results[type], squads, liveRefs, now), {
      timeout: 120_000,
      maxWait: 30_000,
    });
  }
  const rowsWritten = Object.values(byType).reduce(
    (n, s) => n + s.created + s.updated + s.reopened + s.resolved + s.keptDismissed,
    0,
  );
  const window = lookbackWindow(facts);
  return {
    today: options.today,
    window: { from: window.from, to: window.to },
    byType,
    insufficientData: RECOMMENDATION_TYPES.flatMap((t) => results[t].insufficientData),
    missingPrices: RECOMMENDATION_TYPES.flatMap((t) => results[t].missingPrices),
    rowsWritten,
  };
}
