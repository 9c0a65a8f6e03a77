// After a merge, each IN_PROGRESS recommendation of the merged pull request is checked against the current
// inventory (resolution-rule.ts); the ones whose fix took effect become RESOLVED.
import type { PrismaClient } from "../db/generated/client";
import { toIsoDay } from "../format/dates";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { evidenceSchema } from "../waste/evidence";
import { isResolved } from "./resolution-rule";

const factsOnly = evidenceSchema.pick({ facts: true });

/** "com.amazonaws.eu-west-1.ecr.api" -> "ecr.api", as detection names endpoint services. */
function endpointService(serviceName: string): string {
  return serviceName.replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
}

async function endpointServicesInVpc(prisma: PrismaClient, natResource: { kind: string; attributes: unknown }) {
  if (natResource.kind !== "NAT_GATEWAY") return [];
  const vpcId = parseResourceAttributes("NAT_GATEWAY", natResource.attributes).vpcId;
  if (!vpcId) return [];
  const endpoints = await prisma.resource.findMany({
    where: { kind: "VPC_ENDPOINT", goneOn: null, state: "available", attributes: { path: ["vpcId"], equals: vpcId } },
    select: { attributes: true },
  });
  return endpoints.map((e) => endpointService(parseResourceAttributes("VPC_ENDPOINT", e.attributes).serviceName));
}

export async function resolveMergedRecommendations(prisma: PrismaClient, now = new Date()): Promise<string[]> {
  const pending = await prisma.recommendation.findMany({
    where: { status: "IN_PROGRESS", pullRequests: { some: { pullRequest: { state: "MERGED" } } } },
    select: {
      id: true,
      type: true,
      evidence: true,
      resource: { select: { kind: true, goneOn: true, sizeType: true, attributes: true } },
    },
  });
  const resolved: string[] = [];
  for (const recommendation of pending) {
    const evidence = factsOnly.safeParse(recommendation.evidence);
    const resource = recommendation.resource;
    const facts = {
      type: recommendation.type,
      evidenceFacts: evidence.success ? evidence.data.facts : [],
      resource: resource
        ? { goneOn: resource.goneOn ? toIsoDay(resource.goneOn) : null, sizeType: resource.sizeType }
        : null,
      endpointServicesNow:
        recommendation.type === "NAT_WASTE" && resource ? await endpointServicesInVpc(prisma, resource) : [],
    };
    if (!isResolved(facts)) continue;
    const written = await prisma.recommendation.updateMany({
      where: { id: recommendation.id, status: "IN_PROGRESS" },
      data: { status: "RESOLVED", resolvedAt: now },
    });
    if (written.count > 0) resolved.push(recommendation.id);
  }
  return resolved;
}
