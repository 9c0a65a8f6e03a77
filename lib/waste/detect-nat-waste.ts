// NAT waste: bytes a NAT gateway processes to S3, DynamoDB, ECR and SSM in a VPC without the endpoints that
// would carry them. Gateway endpoints (S3, DynamoDB) are free; interface endpoints (ECR: ecr.api + ecr.dkr,
// SSM) cost an hourly fee per AZ and a per-GB fee, which are subtracted. The split by destination comes from
// the flow-log aggregate (CostLens/NatFlowLogs) where an account publishes it; without it, the gateway's
// processed bytes are split in the proportions measured on the gateways that have it, and the finding is
// marked estimated.
import { Decimal } from "../db/decimal";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  lookbackWindow,
  olderThanWindow,
  type LookbackWindow,
  type MetricFact,
  type ResourceFact,
} from "./detection-facts";
import { completeDaily, hasAny, seriesEvidence } from "./metric-series";
import { BYTES_PER_GB, HOURS_PER_MONTH, moneyString, monthlyFromDailyGb, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

export const NAT_BYTES = "AWS/NATGateway/BytesOutToDestination";
export const FLOW_LOG_PREFIX = "CostLens/NatFlowLogs/BytesToService:";

type Destination = "s3" | "dynamodb" | "ecr" | "ssm";
const DESTINATIONS: readonly Destination[] = ["s3", "dynamodb", "ecr", "ssm"];

/** The endpoints that take a destination off the NAT gateway. */
const ENDPOINTS: Record<Destination, { services: string[]; type: "Gateway" | "Interface" }> = {
  s3: { services: ["s3"], type: "Gateway" },
  dynamodb: { services: ["dynamodb"], type: "Gateway" },
  ecr: { services: ["ecr.api", "ecr.dkr"], type: "Interface" },
  ssm: { services: ["ssm"], type: "Interface" },
};
const LABELS: Record<Destination, string> = { s3: "S3", dynamodb: "DynamoDB", ecr: "ECR", ssm: "SSM" };

/** "com.amazonaws.us-east-1.ecr.dkr" -> "ecr.dkr" */
function endpointService(serviceName: string): string {
  return serviceName.replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

interface Split {
  bytesPerDay: Record<Destination, number>;
  estimated: boolean;
}

/** Average bytes a day to each destination from the flow-log split; undefined when the split is incomplete. */
function measuredSplit(rows: readonly MetricFact[] | undefined, window: LookbackWindow) {
  const split = {} as Record<Destination, number>;
  for (const destination of DESTINATIONS) {
    const metric = `${FLOW_LOG_PREFIX}${destination}`;
    if (!hasAny(rows, metric, window)) {
      split[destination] = 0;
      continue;
    }
    const values = completeDaily(rows, metric, "sum", window);
    if (!values) return undefined;
    split[destination] = mean(values);
  }
  return split;
}

export function detectNatWaste(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const window = lookbackWindow(facts);
  const book = priceBookOf(facts);
  const byKind = (kind: ResourceFact["kind"]) => facts.resources.filter((r) => r.kind === kind);
  const nats = byKind("NAT_GATEWAY").filter((n) => n.state === "available");
  const natVpc = new Map(nats.map((n) => [n.id, parseResourceAttributes("NAT_GATEWAY", n.attributes).vpcId]));

  const endpointsByVpc = new Map<string, Set<string>>();
  for (const endpoint of byKind("VPC_ENDPOINT")) {
    if (endpoint.state !== "available") continue;
    const attributes = parseResourceAttributes("VPC_ENDPOINT", endpoint.attributes);
    const set = endpointsByVpc.get(attributes.vpcId) ?? new Set<string>();
    set.add(endpointService(attributes.serviceName));
    endpointsByVpc.set(attributes.vpcId, set);
  }

  // AZs the private subnets (those routed through a NAT gateway) span: an interface endpoint bills per AZ
  const subnetAz = new Map(
    byKind("SUBNET").map((s) => [s.resourceId, parseResourceAttributes("SUBNET", s.attributes)] as const),
  );
  const privateAzs = new Map<string, Set<string>>();
  // where the endpoints attach: the NAT-routed tables (gateway), one private subnet per AZ (interface)
  const natRouteTables = new Map<string, string[]>();
  const privateSubnetByAz = new Map<string, Map<string, string>>();
  for (const table of byKind("ROUTE_TABLE")) {
    const attributes = parseResourceAttributes("ROUTE_TABLE", table.attributes);
    if (!attributes.natGatewayId) continue;
    const azs = privateAzs.get(attributes.vpcId) ?? new Set<string>();
    const subnets = privateSubnetByAz.get(attributes.vpcId) ?? new Map<string, string>();
    for (const subnet of [...attributes.subnetIds].sort()) {
      const az = subnetAz.get(subnet)?.az ?? subnet;
      azs.add(az);
      if (!subnets.has(az)) subnets.set(az, subnet);
    }
    privateAzs.set(attributes.vpcId, azs);
    privateSubnetByAz.set(attributes.vpcId, subnets);
    natRouteTables.set(attributes.vpcId, [...(natRouteTables.get(attributes.vpcId) ?? []), table.resourceId]);
  }

  // the split measured where flow logs exist, to estimate it where they do not
  const measured = new Map<string, Record<Destination, number>>();
  const totals = { processed: 0, ...Object.fromEntries(DESTINATIONS.map((d) => [d, 0])) } as Record<
    Destination | "processed",
    number
  >;
  for (const nat of nats) {
    const rows = facts.metrics.get(nat.id);
    if (!DESTINATIONS.some((d) => hasAny(rows, `${FLOW_LOG_PREFIX}${d}`, window))) continue;
    const split = measuredSplit(rows, window);
    const processed = completeDaily(rows, NAT_BYTES, "sum", window);
    if (!split) continue;
    measured.set(nat.id, split);
    if (!processed) continue;
    totals.processed += mean(processed);
    for (const d of DESTINATIONS) totals[d] += split[d];
  }

  for (const nat of nats) {
    const vpcId = natVpc.get(nat.id);
    if (!vpcId || !olderThanWindow(nat.launchedAt, window)) continue;
    const present = endpointsByVpc.get(vpcId) ?? new Set<string>();
    const missing = DESTINATIONS.filter((d) => !ENDPOINTS[d].services.every((s) => present.has(s)));
    if (missing.length === 0) continue;

    const rows = facts.metrics.get(nat.id);
    let split: Split | undefined;
    const flowLogs = measured.get(nat.id);
    if (flowLogs) split = { bytesPerDay: flowLogs, estimated: false };
    else {
      const processed = completeDaily(rows, NAT_BYTES, "sum", window);
      if (processed && totals.processed > 0) {
        const perDay = mean(processed);
        const bytesPerDay = {} as Record<Destination, number>;
        for (const d of DESTINATIONS) bytesPerDay[d] = (perDay * totals[d]) / totals.processed;
        split = { bytesPerDay, estimated: true };
      }
    }
    if (!split) {
      result.insufficientData.push({
        type: "NAT_WASTE",
        resourceRef: nat.id,
        resourceId: nat.resourceId,
        reason:
          `no complete flow-log split by destination, and no processed bytes or reference split to estimate it, ` +
          `for ${window.from}..${window.to}`,
      });
      continue;
    }
    const avoidable = missing.filter((d) => split.bytesPerDay[d] > 0);
    if (avoidable.length === 0) continue;

    const prices = new PriceLookup(book, "NAT_WASTE", nat.resourceId);
    const natGb = prices.get("NAT_GB", nat.region);
    const interfaces = avoidable.filter((d) => ENDPOINTS[d].type === "Interface");
    const endpointGb = interfaces.length > 0 ? prices.get("ENDPOINT_GB", nat.region) : undefined;
    const endpointHour = interfaces.length > 0 ? prices.get("ENDPOINT_HOUR", nat.region) : undefined;
    if (!natGb || (interfaces.length > 0 && (!endpointGb || !endpointHour))) {
      result.missingPrices.push(...prices.missing);
      continue;
    }

    const gbPerDay = (d: Destination) => new Decimal(Math.round(split.bytesPerDay[d])).div(BYTES_PER_GB);
    const avoidableGb = avoidable.reduce((sum, d) => sum.add(gbPerDay(d)), new Decimal(0));
    const interfaceGb = interfaces.reduce((sum, d) => sum.add(gbPerDay(d)), new Decimal(0));
    const current = monthlyFromDailyGb(avoidableGb, natGb.usdPerUnit);
    const endpointServices = [...new Set(interfaces.flatMap((d) => ENDPOINTS[d].services))].filter(
      (s) => !present.has(s),
    );
    const azCount = Math.max(1, privateAzs.get(vpcId)?.size ?? 1);
    const natsInVpc = nats.filter((n) => natVpc.get(n.id) === vpcId).length;
    const endpointHoursShare = endpointHour
      ? endpointHour.usdPerUnit.mul(endpointServices.length * azCount * HOURS_PER_MONTH).div(natsInVpc)
      : new Decimal(0);
    const endpointData = endpointGb ? monthlyFromDailyGb(interfaceGb, endpointGb.usdPerUnit) : new Decimal(0);
    const projected = endpointData.add(endpointHoursShare);
    const saving = current.sub(projected);
    if (saving.lte(0)) continue;

    const gateways = avoidable.filter((d) => ENDPOINTS[d].type === "Gateway").map((d) => LABELS[d]);
    const fix = [
      gateways.length > 0 ? `add gateway endpoints (free) for ${gateways.join(" and ")}` : "",
      endpointServices.length > 0 ? `add interface endpoints for ${endpointServices.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    const perDestination = avoidable
      .map((d) => `${LABELS[d]} ${gbPerDay(d).toDecimalPlaces(1).toFixed()} GB/day`)
      .join(", ");
    result.findings.push({
      type: "NAT_WASTE",
      resourceRef: nat.id,
      resourceId: nat.resourceId,
      accountId: nat.accountId,
      region: nat.region,
      teamTag: nat.teamTag,
      currentMonthlyCost: current,
      projectedMonthlyCost: projected,
      monthlySaving: saving,
      decisionInputs: {
        vpcId,
        missing: avoidable.join(","),
        endpoints: [...present].sort().join(","),
        azCount,
        natsInVpc,
        estimated: split.estimated,
      },
      evidence: {
        summary:
          `${avoidableGb.toDecimalPlaces(1).toFixed()} GB a day (${perDestination}) goes through this NAT gateway ` +
          `to AWS services that VPC endpoints in ${vpcId} would carry for less.`,
        lookbackDays: window.days.length,
        window: { from: window.from, to: window.to },
        metrics: [
          seriesEvidence(rows, NAT_BYTES, "NAT bytes processed", "bytes", window),
          ...(split.estimated
            ? []
            : avoidable.map((d) =>
                seriesEvidence(rows, `${FLOW_LOG_PREFIX}${d}`, `Bytes to ${LABELS[d]} (flow logs)`, "bytes", window),
              )),
        ],
        prices: prices.evidence(),
        formula:
          `${avoidableGb.toDecimalPlaces(3).toFixed()} GB/day x ${natGb.usdPerUnit.toFixed()} USD/GB NAT processing ` +
          `x 730/24 = ${usd(current)} a month now; with endpoints: ` +
          `${interfaceGb.toDecimalPlaces(3).toFixed()} GB/day x ${endpointGb?.usdPerUnit.toFixed() ?? "0"} USD/GB x 730/24 = ${usd(endpointData)}` +
          ` + ${endpointServices.length} interface endpoints x ${azCount} AZs x ${endpointHour?.usdPerUnit.toFixed() ?? "0"} USD/h x 730 h` +
          ` / ${natsInVpc} NAT gateways in the VPC = ${usd(endpointHoursShare)}; saving ${usd(saving)} a month`,
        currentMonthlyCost: moneyString(current),
        projectedMonthlyCost: moneyString(projected),
        monthlySaving: moneyString(saving),
        facts: [
          { label: "VPC", value: vpcId },
          { label: "Endpoints in the VPC", value: present.size > 0 ? [...present].sort().join(", ") : "none" },
          { label: "Traffic to AWS services", value: perDestination },
          {
            label: "Destination split",
            value: split.estimated
              ? "estimated: no flow-log aggregate for this gateway; split in the proportions measured on gateways that have one"
              : "measured by the flow-log aggregate",
          },
          { label: "Private AZs", value: String(azCount) },
          { label: "NAT gateways in the VPC", value: String(natsInVpc) },
        ],
        fix: `In ${vpcId}: ${fix} (aws_vpc_endpoint)`,
        estimated: split.estimated,
        fixTarget: {
          kind: "vpc-endpoints",
          vpcId,
          services: [
            ...avoidable.filter((d) => ENDPOINTS[d].type === "Gateway").flatMap((d) => ENDPOINTS[d].services),
            ...endpointServices,
          ],
          routeTableIds: [...(natRouteTables.get(vpcId) ?? [])].sort(),
          subnetIds: [...(privateSubnetByAz.get(vpcId) ?? new Map<string, string>()).entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([, subnet]) => subnet),
        },
      },
    });
  }
  return result;
}
