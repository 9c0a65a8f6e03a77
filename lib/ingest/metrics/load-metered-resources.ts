// The live resources whose metrics the detectors need (instances, DB instances, NAT gateways not marked
// gone, and unattached EBS volumes, whose last activity dates their detach), each with the first day its
// next fetch starts at.
import type { PrismaClient } from "../../db/generated/client";
import { toIsoDay, type IsoDay } from "../../format/dates";
import type { JobWindow } from "../../jobs/job-definition";
import { METERED_KINDS, type MeteredKind } from "./metric-catalog";
import { metricFromDay, type MetricWindowPolicy } from "./metric-window";
import type { MeteredResource } from "./plan-metric-queries";

export async function loadMeteredResources(
  prisma: PrismaClient,
  today: IsoDay,
  policy: MetricWindowPolicy,
  window?: JobWindow,
): Promise<MeteredResource[]> {
  const resources = await prisma.resource.findMany({
    where: {
      goneOn: null,
      OR: [
        { kind: { in: METERED_KINDS.filter((kind) => kind !== "EBS_VOLUME") } },
        { kind: "EBS_VOLUME", state: "available" },
      ],
    },
    select: { id: true, kind: true, resourceId: true, region: true },
    orderBy: { id: "asc" },
  });
  if (window)
    return resources.map((resource) => ({ ...resource, kind: resource.kind as MeteredKind, from: window.from }));
  const newest = await prisma.metricDaily.groupBy({ by: ["resourceId"], _max: { day: true } });
  const newestByResource = new Map(
    newest.flatMap((row) => (row._max.day ? [[row.resourceId, toIsoDay(row._max.day)] as const] : [])),
  );
  return resources.map((resource) => ({
    ...resource,
    kind: resource.kind as MeteredKind,
    from: metricFromDay(today, newestByResource.get(resource.id), policy),
  }));
}
