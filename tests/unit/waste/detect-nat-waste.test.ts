import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/decimal";
import { detectNatWaste } from "@/lib/waste/detect-nat-waste";
import { evidenceSchema } from "@/lib/waste/evidence";
import { daily, facts, resource } from "./facts";

const GB = 1024 ** 3;

function network(endpointServices: string[] = []) {
  const nat = resource("NAT_GATEWAY", {
    resourceId: "nat-1",
    state: "available",
    attributes: { vpcId: "vpc-1", subnetId: "subnet-pub", connectivityType: "public" },
  });
  const subnets = ["a", "b"].map((az) =>
    resource("SUBNET", {
      resourceId: `subnet-${az}`,
      state: "available",
      attributes: { vpcId: "vpc-1", az: `us-east-1${az}`, cidr: null, mapPublicIpOnLaunch: false },
    }),
  );
  const table = resource("ROUTE_TABLE", {
    state: "available",
    attributes: {
      vpcId: "vpc-1",
      subnetIds: ["subnet-a", "subnet-b"],
      natGatewayId: "nat-1",
      gatewayEndpointIds: [],
      isMain: false,
    },
  });
  const endpoints = endpointServices.map((service) =>
    resource("VPC_ENDPOINT", {
      state: "available",
      attributes: {
        vpcId: "vpc-1",
        serviceName: `com.amazonaws.us-east-1.${service}`,
        type: service === "s3" || service === "dynamodb" ? "Gateway" : "Interface",
        routeTableIds: [],
        subnetIds: [],
      },
    }),
  );
  return { nat, resources: [nat, ...subnets, table, ...endpoints] };
}

const flowLogs = (gb: Record<string, number>) => [
  ...daily("AWS/NATGateway/BytesOutToDestination", () => ({ sum: Object.values(gb).reduce((a, b) => a + b, 0) * GB })),
  ...Object.entries(gb).flatMap(([service, value]) =>
    daily(`CostLens/NatFlowLogs/BytesToService:${service}`, () => ({ sum: value * GB })),
  ),
];

describe("detectNatWaste", () => {
  it("prices the traffic to AWS services against the endpoints that would carry it", () => {
    const { nat, resources } = network();
    const traffic = { s3: 100, dynamodb: 10, ecr: 30, ssm: 4, internet: 50 };
    const [finding] = detectNatWaste(facts(resources, { [nat.id]: flowLogs(traffic) })).findings;
    // NAT: 144 GB/day x 0.045 x 730/24 = 197.1; endpoints: 34 GB/day x 0.01 x 730/24 = 10.341666..
    // + 3 interface endpoints (ecr.api, ecr.dkr, ssm) x 2 AZs x 0.01 x 730 = 43.8
    const expected = new Decimal(144)
      .mul("0.045")
      .mul(730)
      .div(24)
      .sub(new Decimal(34).mul("0.01").mul(730).div(24))
      .sub(new Decimal(3 * 2 * 730).mul("0.01"));
    expect(finding!.monthlySaving.toFixed(6)).toBe(expected.toFixed(6));
    expect(finding!.evidence.estimated).toBe(false);
    expect(evidenceSchema.parse(finding!.evidence).fix).toContain("ecr.api, ecr.dkr, ssm");
    expect(finding!.evidence.fixTarget).toEqual({
      kind: "vpc-endpoints",
      vpcId: "vpc-1",
      services: ["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"],
      routeTableIds: [expect.any(String)],
      subnetIds: ["subnet-a", "subnet-b"],
    });
  });

  it("counts only the destinations whose endpoints are missing; none when all are there", () => {
    const partial = network(["s3", "dynamodb"]);
    const [finding] = detectNatWaste(
      facts(partial.resources, { [partial.nat.id]: flowLogs({ s3: 100, dynamodb: 10, ecr: 30, ssm: 0 }) }),
    ).findings;
    expect(finding!.decisionInputs.missing).toBe("ecr");
    expect(finding!.evidence.fixTarget).toMatchObject({ kind: "vpc-endpoints", services: ["ecr.api", "ecr.dkr"] });
    const covered = network(["s3", "dynamodb", "ecr.api", "ecr.dkr", "ssm"]);
    expect(
      detectNatWaste(facts(covered.resources, { [covered.nat.id]: flowLogs({ s3: 100, ecr: 30 }) })).findings,
    ).toEqual([]);
  });

  it("gateway endpoints alone are free: the saving is the whole NAT processing of S3 traffic", () => {
    const { nat, resources } = network();
    const [finding] = detectNatWaste(facts(resources, { [nat.id]: flowLogs({ s3: 24 }) })).findings;
    expect(finding!.projectedMonthlyCost.toFixed()).toBe("0");
    expect(finding!.monthlySaving.toFixed()).toBe("32.85"); // 24 x 0.045 x 730 / 24
  });

  it("without flow logs, estimates from the split measured elsewhere and says so", () => {
    const measured = network();
    const other = resource("NAT_GATEWAY", {
      resourceId: "nat-2",
      state: "available",
      attributes: { vpcId: "vpc-2", subnetId: null, connectivityType: "public" },
    });
    const metrics = {
      [measured.nat.id]: flowLogs({ s3: 50, internet: 50 }),
      [other.id]: daily("AWS/NATGateway/BytesOutToDestination", () => ({ sum: 200 * GB })),
    };
    const result = detectNatWaste(facts([...measured.resources, other], metrics));
    const estimated = result.findings.find((f) => f.resourceId === "nat-2")!;
    expect(estimated.evidence.estimated).toBe(true);
    expect(estimated.monthlySaving.toFixed()).toBe("136.875"); // 100 GB/day to S3 x 0.045 x 730/24
  });

  it("without flow logs anywhere, reports insufficient data instead of guessing", () => {
    const { nat, resources } = network();
    const result = detectNatWaste(
      facts(resources, { [nat.id]: daily("AWS/NATGateway/BytesOutToDestination", () => ({ sum: GB })) }),
    );
    expect(result.findings).toEqual([]);
    expect(result.insufficientData).toMatchObject([{ type: "NAT_WASTE", resourceId: "nat-1" }]);
  });

  it("makes no finding when an endpoint price is missing", () => {
    const { nat, resources } = network();
    const prices = facts([]).prices.filter((p) => p.kind !== "ENDPOINT_HOUR");
    const result = detectNatWaste(facts(resources, { [nat.id]: flowLogs({ ecr: 30 }) }, { prices }));
    expect(result.findings).toEqual([]);
    expect(result.missingPrices).toMatchObject([{ kind: "ENDPOINT_HOUR" }]);
  });
});
