// A detection run: load the facts, run every detector, and bring the stored recommendations in line, one
// transaction per type. A recommendation is keyed by (type, account, region, resource): a rerun updates it.
// - new finding: OPEN
// - OPEN / IN_PROGRESS: evidence and savings refreshed (IN_PROGRESS belongs to the pull-request flow)
// - DISMISSED: stays dismissed unless the evidence changed materially (evidenceHash), then OPEN again
// - RESOLVED: found again, so OPEN again
// - REALISED: left alone
// - OPEN or DISMISSED with no finding this run, and whose resource is gone or no longer matches (not
//   merely unjudged for lack of data or a price): RESOLVED
// The resources a rule could not judge (metrics missing, a price missing) replace the type's rows in
// detection_gaps in the same transaction, one row a resource with every reason, so the Waste overview says
// what was not judged and why, apart from the findings.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { inBatches, rowsPerStatement } from "../db/statement-batches";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";
import type { IsoDay } from "../format/dates";
import { detectAll, RECOMMENDATION_TYPES } from "./detect-all";
import {
  lookbackWindow,
  type DetectorResult,
  type Finding,
  type InsufficientData,
  type MissingPrice,
  type ResourceFact,
} from "./detection-facts";
import { evidenceHash } from "./evidence-hash";
import { loadDetectionFacts } from "./load-detection-facts";
import type { Thresholds } from "./thresholds";

/** a created recommendation binds at most its 22 columns (headroom for more) */
const RECOMMENDATION_ROWS_PER_STATEMENT = rowsPerStatement(30);

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

/** Where an unjudged resource lives: by Resource.id when the detector gave it, else by its AWS id. */
interface ResourcePlaces {
  byRef: ReadonlyMap<string, ResourceFact>;
  byResourceId: ReadonlyMap<string, ResourceFact>;
}

function missingPriceReason(missing: MissingPrice): string {
  const key = missing.key === "" ? "" : ` "${missing.key}"`;
  return `price missing: ${missing.kind}${key} in ${missing.region}`;
}

/** One gap row per resource, reasons joined, for a type's insufficient data and missing prices. */
export function detectionGaps(
  type: RecommendationType,
  result: Pick<DetectorResult, "insufficientData" | "missingPrices">,
  places: ResourcePlaces,
): Prisma.DetectionGapCreateManyInput[] {
  const gaps = new Map<string, Prisma.DetectionGapCreateManyInput & { reasons: string[] }>();
  const add = (resourceRef: string | null, resourceId: string, reason: string, fallbackRegion: string) => {
    const place =
      (resourceRef !== null ? places.byRef.get(resourceRef) : undefined) ?? places.byResourceId.get(resourceId);
    const accountId = place?.accountId ?? "";
    const region = place?.region ?? fallbackRegion;
    const key = naturalKey({ accountId, region, resourceId });
    const gap = gaps.get(key) ?? {
      type,
      resourceId,
      accountId,
      region,
      resourceRef: place?.id ?? resourceRef,
      reason: "",
      reasons: [],
    };
    if (!gap.reasons.includes(reason)) gap.reasons.push(reason);
    gaps.set(key, gap);
  };
  for (const gap of result.insufficientData) add(gap.resourceRef, gap.resourceId, gap.reason, "");
  for (const missing of result.missingPrices)
    add(null, missing.resourceId, missingPriceReason(missing), missing.region);
  return [...gaps.values()].map(({ reasons, ...gap }) => ({ ...gap, reason: reasons.join("; ") }));
}

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

async function replaceGaps(tx: Tx, type: RecommendationType, gaps: Prisma.DetectionGapCreateManyInput[], now: Date) {
  await tx.detectionGap.deleteMany({ where: { type } });
  if (gaps.length > 0) await tx.detectionGap.createMany({ data: gaps.map((gap) => ({ ...gap, detectedAt: now })) });
}

async function applyType(
  tx: Tx,
  type: RecommendationType,
  result: DetectorResult,
  squads: Map<string, string>,
  places: ResourcePlaces,
  now: Date,
): Promise<TypeSummary> {
  await replaceGaps(tx, type, detectionGaps(type, result, places), now);
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
  for (const batch of inBatches(creates, RECOMMENDATION_ROWS_PER_STATEMENT)) {
    summary.created += (await tx.recommendation.createMany({ data: batch })).count;
  }

  const resolve = stored.filter((r) => {
    if (seen.has(naturalKey(r))) return false;
    if (r.status !== "OPEN" && r.status !== "DISMISSED") return false;
    const gone = r.resourceRef !== null ? !places.byRef.has(r.resourceRef) : false;
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
  const places: ResourcePlaces = {
    byRef: new Map(facts.resources.map((r) => [r.id, r])),
    byResourceId: new Map(facts.resources.map((r) => [r.resourceId, r])),
  };

  const byType = {} as Record<RecommendationType, TypeSummary>;
  for (const type of RECOMMENDATION_TYPES) {
    options.signal?.throwIfAborted();
    byType[type] = await prisma.$transaction((tx) => applyType(tx, type, results[type], squads, places, now), {
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
