// Waste detection end to end: the real inventory, price and metrics ingests against the scale-1 sandbox,
// then detection, compared with the sandbox's planted waste and decoys (/_sim/truth). Prints precision,
// recall and identified saving per type; asserts the goals the rules can reach and the lifecycle (reruns
// update, dismissals stick, the API answers).
import { RECOMMENDATION_TYPE_VALUES } from "@/lib/waste/recommendation-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/prisma";
import { runJob } from "@/lib/jobs/run-job";
import { detectionJob } from "@/jobs/detection";
import { Decimal } from "@/lib/db/decimal";
import type { RecommendationType } from "@/lib/db/generated/enums";
import { getDetectionGaps } from "@/lib/queries/detection-gaps";
import { getWasteSummary, listRecommendations } from "@/lib/queries/recommendations";
import { detectAll } from "@/lib/waste/detect-all";
import { loadDetectionFacts } from "@/lib/waste/load-detection-facts";
import { typeSlug } from "@/lib/waste/recommendation-types";
import { runDetection, type DetectionSummary } from "@/lib/waste/run-detection";
import { defaultThresholds } from "@/lib/waste/thresholds";
import { GET as listRoute } from "@/app/api/recommendations/route";
import { GET as detailRoute } from "@/app/api/recommendations/[id]/route";
import { POST as dismissRoute } from "@/app/api/recommendations/[id]/dismiss/route";
import type { Decoy, PlantedWaste } from "@/sim/org/model";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox";
import { ingestSandboxResources } from "../../helpers/sandbox-ingest";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const TODAY = "2026-11-20";
let sandbox: TestSandbox;
let database: TestDatabase;
let truth: { planted: PlantedWaste[]; decoys: Decoy[] };

const TYPES: readonly RecommendationType[] = RECOMMENDATION_TYPE_VALUES;

interface Score {
  type: RecommendationType;
  found: number;
  planted: number;
  truePositives: number;
  precision: number;
  recall: number;
  decoysFlagged: string[];
  savingFound: Decimal;
  savingTrue: Decimal;
  savingOfMatches: Decimal;
  truthOfMatches: Decimal;
  missed: string[];
}

async function score(database: TestDatabase): Promise<Score[]> {
  const recommendations = await database.prisma.recommendation.findMany({
    where: { status: { in: ["OPEN", "DISMISSED", "IN_PROGRESS"] } },
    select: { type: true, resourceId: true, monthlySaving: true },
  });
  // a rightsizing of an instance that is also a zombie is superseded (totals count the resource once, as a
  // zombie): scored as the zombie only
  const zombies = new Set(recommendations.filter((r) => r.type === "ZOMBIE_INSTANCE").map((r) => r.resourceId));
  return TYPES.map((type) => {
    const slug = typeSlug(type);
    const planted = truth.planted.filter((p) => p.type === slug);
    const plantedById = new Map(planted.map((p) => [p.resourceId, p]));
    const found = recommendations.filter(
      (r) => r.type === type && !(type === "RIGHTSIZING" && zombies.has(r.resourceId)),
    );
    const matches = found.filter((r) => plantedById.has(r.resourceId));
    const foundIds = new Set(found.map((r) => r.resourceId));
    const micros = (p: PlantedWaste) => new Decimal(p.monthlySavingMicros).div(1_000_000);
    const sum = (values: Decimal[]) => values.reduce((s, v) => s.add(v), new Decimal(0));
    return {
      type,
      found: found.length,
      planted: planted.length,
      truePositives: matches.length,
      precision: found.length === 0 ? (planted.length === 0 ? 1 : 0) : matches.length / found.length,
      recall: planted.length === 0 ? 1 : matches.length / planted.length,
      decoysFlagged: truth.decoys.filter((d) => d.looksLike === slug && foundIds.has(d.resourceId)).map((d) => d.why),
      savingFound: sum(found.map((r) => r.monthlySaving)),
      savingTrue: sum(planted.map(micros)),
      savingOfMatches: sum(matches.map((r) => r.monthlySaving)),
      truthOfMatches: sum(matches.map((r) => micros(plantedById.get(r.resourceId)!))),
      missed: planted.filter((p) => !foundIds.has(p.resourceId)).map((p) => `${p.resourceId} (${p.detail})`),
    };
  });
}

function print(label: string, scores: Score[], summary: DetectionSummary) {
  const lines = scores.map(
    (s) =>
      `  ${typeSlug(s.type).padEnd(19)} found ${String(s.found).padStart(3)} planted ${String(s.planted).padStart(3)} ` +
      `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} saving $${s.savingFound.toFixed(2)} vs truth ` +
      `$${s.savingTrue.toFixed(2)} (${s.savingTrue.isZero() ? "-" : s.savingFound.div(s.savingTrue).sub(1).mul(100).toFixed(2)}%)` +
      (s.decoysFlagged.length > 0 ? ` decoys flagged: ${s.decoysFlagged.length}` : ""),
  );
  const missingPrices = new Set(summary.missingPrices.map((m) => `${m.kind}:${m.key}`));
  console.log(
    `detection (${label}), window ${summary.window.from}..${summary.window.to}:\n${lines.join("\n")}\n` +
      `  insufficient data: ${summary.insufficientData.length}; prices missing: ${[...missingPrices].join(", ") || "none"}`,
  );
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
  truth = (await sandbox.control("GET", "/_sim/truth")) as typeof truth;
  database = await createTestDatabase();
  const started = Date.now();
  await ingestSandboxResources(sandbox, database, TODAY);
  const facts = detectAll(await loadDetectionFacts(database.prisma, TODAY));
  const missing = new Set(Object.values(facts).flatMap((r) => r.missingPrices.map((m) => `${m.kind}:${m.key}`)));
  console.log(`ingest ${Date.now() - started} ms; prices missing: ${[...missing].join(", ") || "none"}`);
  expect([...missing].filter((key) => key.startsWith("EC2_INSTANCE_HOUR"))).toEqual([]);
  setDatabase(database);
});

afterAll(async () => {
  await database?.drop();
  await sandbox?.close();
});

describe("waste detection against the scale-1 sandbox", () => {
  it("with DESIGN.md's default thresholds: finds the planted waste and leaves the decoys alone", async () => {
    const started = Date.now();
    const summary = await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
    const scores = await score(database);
    print(`default thresholds, ${Date.now() - started} ms`, scores, summary);
    for (const s of scores) {
      console.log(`  missed ${typeSlug(s.type)}: ${s.missed.slice(0, 12).join("; ") || "none"}`);
    }
    const byType = new Map(scores.map((s) => [s.type, s]));
    for (const type of [
      "ZOMBIE_INSTANCE",
      "STOPPED_INSTANCE",
      "ORPHAN_VOLUME",
      "IDLE_REPLICA",
      "NAT_WASTE",
      "RIGHTSIZING",
      "NON_PROD_ALWAYS_ON",
    ] as const) {
      const s = byType.get(type)!;
      expect(s.precision, type).toBeGreaterThanOrEqual(0.98);
      expect(s.recall, type).toBeGreaterThanOrEqual(0.98);
      expect(s.savingFound.div(s.savingTrue).sub(1).abs().toNumber(), type).toBeLessThan(0.02);
      expect(s.decoysFlagged, type).toEqual([]);
    }
    // orphan volumes: on a first inventory EC2 does not say when a volume was detached; CloudWatch's AWS/EBS
    // activity dates it (the volumes detached "today" were active yesterday), so no finding is an estimate
    const orphanEvidence = await database.prisma.recommendation.findMany({
      where: { type: "ORPHAN_VOLUME" },
      select: { evidence: true },
    });
    const summaries = orphanEvidence.map((r) => r.evidence as { summary: string; estimated: boolean });
    expect(summaries.filter((e) => e.estimated)).toEqual([]);
    expect(summaries.every((e) => e.summary.includes("CloudWatch AWS/EBS"))).toBe(true);
    expect(summary.insufficientData.filter((gap) => gap.type === "ORPHAN_VOLUME")).toEqual([]);
    // rightsizing: an instance that is also a zombie gets both (deleting it supersedes resizing it, and
    // totals count it once); the running idle decoys at xlarge are oversized too, and planted as such.
    const rightsizing = await database.prisma.recommendation.findMany({
      where: { type: "RIGHTSIZING" },
      select: { resourceId: true, monthlySaving: true, evidence: true },
    });
    const zombies = new Set(
      (
        await database.prisma.recommendation.findMany({
          where: { type: "ZOMBIE_INSTANCE" },
          select: { resourceId: true },
        })
      ).map((r) => r.resourceId),
    );
    const planted = new Map(truth.planted.filter((p) => p.type === "rightsizing").map((p) => [p.resourceId, p]));
    const own = rightsizing.filter((r) => !zombies.has(r.resourceId));
    const unexpected = own.filter((r) => !planted.has(r.resourceId));
    const matched = own.filter((r) => planted.has(r.resourceId));
    const ours = matched.reduce((s, r) => s.add(r.monthlySaving), new Decimal(0));
    const theirs = matched.reduce(
      (s, r) => s.add(planted.get(r.resourceId)!.monthlySavingMicros / 1e6),
      new Decimal(0),
    );
    console.log(
      `  rightsizing: ${rightsizing.length} in all, ${rightsizing.length - own.length} on zombies, ` +
        `${unexpected.length} not planted; ` +
        `precision without zombies ${(matched.length / Math.max(1, matched.length + unexpected.length)).toFixed(3)}; ` +
        `saving on the ${matched.length} planted found $${ours.toFixed(2)} vs truth $${theirs.toFixed(2)} ` +
        `(recall ${(matched.length / planted.size).toFixed(3)})`,
    );
    expect(unexpected.map((r) => r.resourceId)).toEqual([]);
    expect(matched.length / planted.size, "rightsizing recall").toBeGreaterThanOrEqual(0.98);
    expect(ours.div(theirs).sub(1).abs().toNumber(), "rightsizing saving vs truth").toBeLessThan(0.02);
  });

  it("reruns update rather than duplicate, and a dismissed recommendation stays dismissed", async () => {
    const before = await database.prisma.recommendation.count();
    const zombie = await database.prisma.recommendation.findFirstOrThrow({
      where: { type: "ZOMBIE_INSTANCE", status: "OPEN" },
      orderBy: { monthlySaving: "desc" },
      select: { id: true },
    });
    const response = await dismissRoute(
      new Request(`http://localhost/api/recommendations/${zombie.id}/dismiss`, {
        method: "POST",
        body: JSON.stringify({ reason: "kept for the quarterly load test" }),
      }),
      { params: Promise.resolve({ id: zombie.id }) },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: zombie.id,
      status: "DISMISSED",
      dismissedBy: expect.any(String),
    });
    const rerun = await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
    expect(await database.prisma.recommendation.count()).toBe(before);
    expect(rerun.byType.ZOMBIE_INSTANCE).toMatchObject({ created: 0, reopened: 0, keptDismissed: 1 });
    const after = await database.prisma.recommendation.findUniqueOrThrow({
      where: { id: zombie.id },
      select: { status: true, dismissedReason: true },
    });
    expect(after).toEqual({ status: "DISMISSED", dismissedReason: "kept for the quarterly load test" });
    const audit = await database.prisma.auditEvent.findMany({ where: { entityId: zombie.id } });
    expect(audit).toHaveLength(1);
  });

  it("reopens a dismissed recommendation when its evidence changes materially, and leaves IN_PROGRESS alone", async () => {
    const [dismissed, inProgress] = await database.prisma.recommendation.findMany({
      where: { type: "ZOMBIE_INSTANCE", status: "OPEN" },
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, resourceRef: true, monthlySaving: true },
    });
    await database.prisma.recommendation.update({
      where: { id: dismissed!.id },
      data: { status: "DISMISSED", dismissedReason: "owner says keep", dismissedBy: "test" },
    });
    await database.prisma.recommendation.update({ where: { id: inProgress!.id }, data: { status: "IN_PROGRESS" } });
    // the instance was resized: a different rule input and a different saving
    const resource = await database.prisma.resource.findUniqueOrThrow({
      where: { id: dismissed!.resourceRef! },
      select: { sizeType: true },
    });
    const bigger = resource.sizeType === "m5.4xlarge" ? "m5.2xlarge" : "m5.4xlarge";
    await database.prisma.resource.update({ where: { id: dismissed!.resourceRef! }, data: { sizeType: bigger } });
    try {
      const rerun = await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
      expect(rerun.byType.ZOMBIE_INSTANCE.reopened).toBe(1);
      const [reopened, still] = await Promise.all(
        [dismissed!.id, inProgress!.id].map((id) =>
          database.prisma.recommendation.findUniqueOrThrow({
            where: { id },
            select: { status: true, dismissedReason: true },
          }),
        ),
      );
      expect(reopened).toEqual({ status: "OPEN", dismissedReason: null });
      expect(still!.status).toBe("IN_PROGRESS");
    } finally {
      await database.prisma.resource.update({
        where: { id: dismissed!.resourceRef! },
        data: { sizeType: resource.sizeType },
      });
      await database.prisma.recommendation.update({ where: { id: inProgress!.id }, data: { status: "OPEN" } });
      await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
    }
  });

  it("serves pages largest saving first through the API, and the summary counts each resource once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous: Decimal | undefined;
    do {
      const url: string = `http://localhost/api/recommendations?type=zombie-instance&limit=20${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await listRoute(new Request(url));
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        items: { id: string; monthlySaving: string; type: string }[];
        nextCursor: string | null;
      };
      for (const item of page.items) {
        expect(item.type).toBe("ZOMBIE_INSTANCE");
        const saving = new Decimal(item.monthlySaving);
        if (previous) expect(saving.lte(previous)).toBe(true);
        previous = saving;
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    const total = await database.prisma.recommendation.count({ where: { type: "ZOMBIE_INSTANCE" } });
    expect(new Set(seen).size).toBe(total);

    const bad = await listRoute(new Request("http://localhost/api/recommendations?type=<script>&limit=5"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).not.toContain("<script>");

    const detail = await detailRoute(new Request("http://localhost/"), { params: Promise.resolve({ id: seen[0]! }) });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { evidence: { metrics: unknown[] }; tags: Record<string, string> };
    expect(body.evidence.metrics.length).toBeGreaterThan(0);
    const missing = await detailRoute(new Request("http://localhost/"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);

    const summary = await getWasteSummary(database.prisma);
    // each resource once: the types add up to the total, and the gross (overlaps included) is larger
    const sumOfTypes = summary.byType.reduce((s, t) => s.add(t.monthlySaving), new Decimal(0));
    const gross = summary.byType.reduce((s, t) => s.add(t.grossMonthlySaving), new Decimal(0));
    expect(sumOfTypes.toFixed()).toBe(new Decimal(summary.total).toFixed());
    expect(gross.gt(sumOfTypes)).toBe(true);
    const sumOfSquads = summary.bySquad.reduce((s, t) => s.add(t.monthlySaving), new Decimal(0));
    expect(sumOfSquads.toFixed()).toBe(new Decimal(summary.total).toFixed());
    console.log(
      `waste summary: $${new Decimal(summary.total).toFixed(2)} a month over ${summary.count} open recommendations; ` +
        summary.byType.map((t) => `${typeSlug(t.type)} $${new Decimal(t.monthlySaving).toFixed(0)}`).join(", "),
    );
    const squadPage = await listRecommendations(database.prisma, { squad: "checkout", limit: 200 });
    expect(squadPage.items.every((i) => i.squad === "checkout")).toBe(true);
  });

  it("resolves a recommendation whose resource is gone, and refuses to dismiss it then", async () => {
    const rec = await database.prisma.recommendation.findFirstOrThrow({
      where: { type: "ORPHAN_VOLUME", status: "OPEN" },
      select: { id: true, resourceRef: true },
    });
    await database.prisma.resource.update({
      where: { id: rec.resourceRef! },
      data: { goneOn: new Date(`${TODAY}T00:00:00Z`) },
    });
    await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
    const after = await database.prisma.recommendation.findUniqueOrThrow({
      where: { id: rec.id },
      select: { status: true, resolvedAt: true },
    });
    expect(after.status).toBe("RESOLVED");
    expect(after.resolvedAt).not.toBeNull();
    const response = await dismissRoute(
      new Request("http://localhost/", { method: "POST", body: JSON.stringify({ reason: "too late" }) }),
      { params: Promise.resolve({ id: rec.id }) },
    );
    expect(response.status).toBe(409);
  });

  it("runs as the detection job with the stored thresholds, counting its rows", async () => {
    const result = await runJob(database.prisma, detectionJob, { trigger: "cli", holder: "test" });
    expect(result.status === "FAILED" ? result.error : result.status).toBe("SUCCEEDED");
    expect(result).toMatchObject({ rowsWritten: expect.any(Number) });
    expect(result.status === "SUCCEEDED" && result.rowsWritten).toBeGreaterThan(0);
    expect(detectionJob).toMatchObject({ name: "detection", schedule: "55 * * * *" });
  });

  it("stores what it could not judge, and why, replacing a type's gaps on every run", async () => {
    expect(await database.prisma.detectionGap.count()).toBe(0);
    // a volume first seen today whose CloudWatch activity is gone cannot be dated; a volume type without a
    // price cannot be costed
    const orphan = await database.prisma.recommendation.findFirstOrThrow({
      where: { type: "ORPHAN_VOLUME", status: "OPEN" },
      orderBy: { resourceId: "asc" },
      select: { id: true, resourceRef: true, resourceId: true },
    });
    await database.prisma.metricDaily.deleteMany({ where: { resourceId: orphan.resourceRef! } });
    const st1 = await database.prisma.price.findMany({ where: { kind: "EBS_GB_MONTH", key: "st1" } });
    await database.prisma.price.deleteMany({ where: { kind: "EBS_GB_MONTH", key: "st1" } });
    try {
      const summary = await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
      const gaps = await getDetectionGaps(database.prisma);
      const orphans = gaps.byType.find((row) => row.type === "ORPHAN_VOLUME")!;
      const priced = summary.missingPrices.filter((m) => m.type === "ORPHAN_VOLUME").length;
      console.log(
        `detection gaps: ${gaps.total} (${gaps.byType.map((row) => `${typeSlug(row.type)} ${row.count}`).join(", ")})`,
      );
      expect(orphans.count).toBe(1 + priced);
      expect(priced).toBeGreaterThan(0);
      const undated = orphans.items.find((item) => item.resourceId === orphan.resourceId)!;
      expect(undated.reason).toContain("CloudWatch activity (AWS/EBS) is not stored");
      expect(orphans.items.filter((item) => item.reason.includes('price missing: EBS_GB_MONTH "st1"'))).toHaveLength(
        priced,
      );
      // not judged is not resolved: the recommendation stays as it was
      const kept = await database.prisma.recommendation.findUniqueOrThrow({
        where: { id: orphan.id },
        select: { status: true },
      });
      expect(kept.status).toBe("OPEN");
    } finally {
      await database.prisma.price.createMany({ data: st1 });
    }
    await runDetection(database.prisma, { today: TODAY, thresholds: defaultThresholds });
    const after = await getDetectionGaps(database.prisma);
    expect(after.byType.map((row) => [row.type, row.count])).toEqual([["ORPHAN_VOLUME", 1]]);
  });
});
