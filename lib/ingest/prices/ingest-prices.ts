// The price ingest: from the inventory, which instance types, volume types and DB classes are in use in
// which regions; then their on-demand prices, and NAT gateway and VPC endpoint prices, from the Price List
// API into the price table. Prices of types not in use are not fetched: the inventory ingest runs first.
import type { PricingClient } from "@aws-sdk/client-pricing";
import type { PrismaClient } from "../../db/generated/client";
import { rightsizingCandidateTypes } from "../../waste/instance-sizes";
import type { JobContext } from "../../jobs/job-definition";
import { fetchPriceRows } from "./fetch-price-rows";
import { planPriceRequests, type RegionUsage } from "./plan-price-requests";
import type { PriceRow } from "./read-price-document";
import { uniquePrices, upsertPrices } from "./upsert-prices";

export interface PricesIngestDeps {
  client: PricingClient;
}

/** The types in use per region, from the live inventory, plus the instance types a rightsizing of them may
 * recommend (smaller sizes, Graviton equivalents): a recommendation needs the price of both ends. */
export async function regionUsage(prisma: PrismaClient): Promise<RegionUsage[]> {
  const groups = await prisma.resource.groupBy({
    by: ["region", "kind", "sizeType"],
    where: { goneOn: null },
    orderBy: [{ region: "asc" }, { kind: "asc" }, { sizeType: "asc" }],
  });
  const regions = new Map<string, RegionUsage>();
  for (const group of groups) {
    const usage = regions.get(group.region) ?? {
      region: group.region,
      instanceTypes: [],
      volumeTypes: [],
      dbClasses: [],
    };
    regions.set(group.region, usage);
    if (!group.sizeType) continue;
    if (group.kind === "EC2_INSTANCE") usage.instanceTypes.push(group.sizeType);
    if (group.kind === "EBS_VOLUME") usage.volumeTypes.push(group.sizeType);
    if (group.kind === "RDS_INSTANCE") usage.dbClasses.push(group.sizeType);
  }
  return [...regions.values()].map((usage) => ({
    ...usage,
    instanceTypes: [...new Set([...usage.instanceTypes, ...rightsizingCandidateTypes(usage.instanceTypes)])].sort(),
  }));
}

export async function ingestPrices(context: JobContext, deps: PricesIngestDeps) {
  const { prisma, signal } = context;
  const usage = await regionUsage(prisma);
  if (usage.length === 0) {
    context.log("Price List: the inventory is empty, so no prices were fetched (run the inventory job first)");
    return;
  }
  const requests = usage.flatMap(planPriceRequests);
  const rows: PriceRow[] = [];
  for (const [index, request] of requests.entries()) {
    signal.throwIfAborted();
    const found = await fetchPriceRows(deps.client, request, signal);
    if (found.length === 0) context.log(`Price List: no prices found for ${request.label}`);
    rows.push(...found);
    context.progress(index + 1, requests.length, request.label);
  }
  signal.throwIfAborted();
  const prices = uniquePrices(rows);
  await upsertPrices(prisma, prices);
  context.countRows(prices.length);
  context.log(`Price List: ${prices.length} prices for ${usage.map((u) => u.region).join(", ")}`);
}
