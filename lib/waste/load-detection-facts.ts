// Loads what the detectors read: the live inventory, the lookback window's daily metrics and the price
// table. The window ends on the newest day the metrics cover (closed days before `today`), so a detection
// run between midnight and the metrics ingest does not see a missing day everywhere. Volume activity
// (AWS/EBS) is loaded over the orphan-volume window instead, which can be longer.
import type { PrismaClient } from "../db/generated/client";
import { addDays, fromIsoDay, toIsoDay, type IsoDay } from "../format/dates";
import { EBS_ACTIVITY_METRICS } from "../ingest/metrics/metric-catalog";
import type { DetectionFacts, MetricFact, ResourceFact } from "./detection-facts";
import { volumeActivityWindow } from "./detect-orphan-volumes";
import { getThresholds, type Thresholds } from "./thresholds";

const METRIC_PAGE = 20_000;

function tagRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

export async function loadDetectionFacts(
  prisma: PrismaClient,
  today: IsoDay,
  thresholds?: Thresholds,
): Promise<DetectionFacts> {
  const settings = thresholds ?? (await getThresholds(prisma));
  const yesterday = addDays(today, -1);
  const newest = await prisma.metricDaily.aggregate({
    where: { day: { lte: fromIsoDay(yesterday) } },
    _max: { day: true },
  });
  const metricsThrough = newest._max.day ? toIsoDay(newest._max.day) : yesterday;
  const from = addDays(metricsThrough, 1 - settings.lookbackDays);
  const volumeFrom = volumeActivityWindow({ today, metricsThrough, thresholds: settings }).from;
  const earliest = volumeFrom < from ? volumeFrom : from;
  const volumeMetrics = new Set<string>(EBS_ACTIVITY_METRICS);

  const rows = await prisma.resource.findMany({
    where: { goneOn: null },
    select: {
      id: true,
      kind: true,
      resourceId: true,
      accountId: true,
      region: true,
      name: true,
      state: true,
      sizeType: true,
      tags: true,
      teamTag: true,
      environmentTag: true,
      attributes: true,
      launchedAt: true,
      stateChangedAt: true,
      firstSeenAt: true,
    },
    orderBy: { id: "asc" },
  });
  const resources: ResourceFact[] = rows.map((row) => ({ ...row, tags: tagRecord(row.tags) }));

  const metrics = new Map<string, MetricFact[]>();
  let cursor: bigint | undefined;
  for (;;) {
    const page = await prisma.metricDaily.findMany({
      where: { day: { gte: fromIsoDay(earliest), lte: fromIsoDay(metricsThrough) }, resource: { goneOn: null } },
      select: {
        id: true,
        resourceId: true,
        metric: true,
        day: true,
        average: true,
        maximum: true,
        p95: true,
        sum: true,
        samples: true,
      },
      orderBy: { id: "asc" },
      take: METRIC_PAGE,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const { id: _id, resourceId, day, ...row } of page) {
      if (toIsoDay(day) < from && !volumeMetrics.has(row.metric)) continue;
      const list = metrics.get(resourceId) ?? [];
      list.push({ ...row, day: toIsoDay(day) });
      metrics.set(resourceId, list);
    }
    if (page.length < METRIC_PAGE) break;
    cursor = page.at(-1)!.id;
  }

  const prices = (
    await prisma.price.findMany({
      select: { kind: true, region: true, key: true, unit: true, usdPerUnit: true, effectiveDate: true },
    })
  ).map((price) => ({ ...price, effectiveDate: toIsoDay(price.effectiveDate) }));

  return { today, metricsThrough, thresholds: settings, resources, metrics, prices };
}
