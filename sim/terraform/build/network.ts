// VPCs, their subnets, route tables and NAT gateways: one call of modules/vpc per VPC, so these resources
// live in a module used from many places. Existing VPC endpoints are plain root blocks beside them.
import type { NatGateway, Organisation, RouteTable, Subnet, Vpc } from "../../org/model";
import { attr, blank, block, comment, multi, type HclItem } from "../hcl/render";
import { objectLines, str, tagLines } from "../hcl/syntax";
import { type RootBuilder, isLive, stateInstance } from "./root-builder";

/** How other blocks of the root refer to a VPC's pieces. */
export interface VpcRefs {
  module: string;
  subnetKeys: Map<string, string>;
  routeTableKeys: Map<string, string>;
}

function keyedBy<T extends { id: string; tags: Record<string, string> }>(items: T[], fallback: (item: T) => string) {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const item of items) {
    const base = (item.tags.Name ?? fallback(item)).toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    let k = base;
    for (let n = 2; used.has(k); n++) k = `${base}-${n}`;
    used.add(k);
    keys.set(item.id, k);
  }
  return keys;
}

function inlineObject(entries: Array<[string, string]>): string {
  return `{ ${entries.map(([k, v]) => `${k} = ${v}`).join(", ")} }`;
}

export function addNetwork(root: RootBuilder, vpcs: Vpc[]): Map<string, VpcRefs> {
  const org = root.org;
  const refs = new Map<string, VpcRefs>();
  for (const vpc of vpcs) {
    const config = root.provider(vpc.accountId, vpc.region);
    const name = vpc.tags.Name ?? `${root.environment}-${vpc.region}`;
    const moduleName = root.uniqueName("module", `vpc_${name}`);
    const address = `module.${moduleName}`;
    const subnets = org.subnets.filter((s) => s.vpcId === vpc.id);
    const natGateways = org.natGateways.filter(
      (n) => n.vpcId === vpc.id && n.managedBy === "terraform" && isLive(n, org.today),
    );
    const routeTables = org.routeTables.filter((r) => r.vpcId === vpc.id);
    const subnetKeys = keyedBy(subnets, (s) => `${s.isPrivate ? "private" : "public"}-${s.az}`);
    const natKeys = keyedBy(natGateways, (n) => `nat-${subnetOf(subnets, n)?.az ?? "a"}`);
    const routeTableKeys = keyedBy(routeTables, (r) => (r.natGatewayId ? "private" : "public"));
    refs.set(vpc.id, { module: moduleName, subnetKeys, routeTableKeys });

    const items: HclItem[] = [
      attr("source", str("../../modules/vpc")),
      ...(config.alias ? [multi("providers", objectLines([["aws", `aws.${config.alias}`]]))] : []),
      blank,
      attr("name", str(name)),
      attr("cidr_block", str(vpc.cidr)),
      blank,
      multi(
        "subnets",
        objectLines(
          subnets.map((s) => [
            subnetKeys.get(s.id) ?? s.id,
            inlineObject([
              ["cidr_block", str(s.cidr)],
              ["availability_zone", str(s.az)],
              ["public", String(!s.isPrivate)],
            ]),
          ]),
        ),
      ),
      blank,
      comment("# Elastic IPs were allocated by hand when the shop went live; their ids are pinned here."),
      multi(
        "nat_gateways",
        objectLines(
          natGateways.map((n) => [
            natKeys.get(n.id) ?? n.id,
            inlineObject([
              ["subnet_key", str(subnetKeys.get(n.subnetId) ?? "")],
              ["allocation_id", str(allocationId(n))],
            ]),
          ]),
        ),
      ),
      blank,
      multi(
        "route_tables",
        objectLines(routeTables.map((r) => [routeTableKeys.get(r.id) ?? r.id, routeEntry(r, natKeys)])),
      ),
      blank,
      multi("tags", tagLines(vpc.tags)),
    ];
    root.add("network.tf", block(`module ${str(moduleName)}`, items));

    root.addState(config, { module: address, type: "aws_vpc", name: "this" }, [
      stateInstance(
        {
          id: vpc.id,
          arn: `arn:aws:ec2:${vpc.region}:${vpc.accountId}:vpc/${vpc.id}`,
          cidr_block: vpc.cidr,
          tags: vpc.tags,
        },
        undefined,
        1,
      ),
    ]);
    root.addState(
      config,
      { module: address, type: "aws_subnet", name: "this" },
      subnets.map((s) =>
        stateInstance(
          { id: s.id, vpc_id: vpc.id, cidr_block: s.cidr, availability_zone: s.az, tags: s.tags },
          subnetKeys.get(s.id),
          1,
        ),
      ),
    );
    if (natGateways.length > 0) {
      root.addState(
        config,
        { module: address, type: "aws_nat_gateway", name: "this" },
        natGateways.map((n) =>
          stateInstance(
            {
              id: n.id,
              subnet_id: n.subnetId,
              allocation_id: allocationId(n),
              connectivity_type: "public",
              tags: n.tags,
            },
            natKeys.get(n.id),
          ),
        ),
      );
    }
    root.addState(
      config,
      { module: address, type: "aws_route_table", name: "this" },
      routeTables.map((r) =>
        stateInstance(
          {
            id: r.id,
            vpc_id: vpc.id,
            route: r.natGatewayId ? [{ cidr_block: "0.0.0.0/0", nat_gateway_id: r.natGatewayId }] : [],
            tags: r.tags,
          },
          routeTableKeys.get(r.id),
        ),
      ),
    );
  }
  return refs;
}

function subnetOf(subnets: Subnet[], nat: NatGateway): Subnet | undefined {
  return subnets.find((s) => s.id === nat.subnetId);
}

function allocationId(nat: NatGateway): string {
  return `eipalloc-${nat.id.replace(/^nat-/, "").slice(0, 17)}`;
}

function routeEntry(table: RouteTable, natKeys: Map<string, string>): string {
  if (!table.natGatewayId) return "{ nat_gateway_key = null, nat_gateway_id = null }";
  const natKey = natKeys.get(table.natGatewayId);
  // A NAT gateway made in the console is not ours to reference by key: its id is pinned instead.
  return natKey
    ? `{ nat_gateway_key = ${str(natKey)}, nat_gateway_id = null }`
    : `{ nat_gateway_key = null, nat_gateway_id = ${str(table.natGatewayId)} }`;
}

/** Existing endpoints: plain root blocks wired to the VPC module's outputs. */
export function addEndpoints(root: RootBuilder, refs: Map<string, VpcRefs>, org: Organisation): void {
  const endpoints = org.vpcEndpoints.filter(
    (e) => e.managedBy === "terraform" && isLive(e, org.today) && refs.has(e.vpcId),
  );
  for (const endpoint of endpoints) {
    const vpcRef = refs.get(endpoint.vpcId);
    if (!vpcRef) continue;
    const config = root.provider(endpoint.accountId, endpoint.region);
    const name = root.uniqueName("aws_vpc_endpoint", `${vpcRef.module.replace(/^vpc_/, "")}_${endpoint.service}`);
    const tableRefs = endpoint.routeTableIds.map(
      (id) => `module.${vpcRef.module}.route_table_ids[${str(vpcRef.routeTableKeys.get(id) ?? id)}]`,
    );
    const subnetRefs = endpoint.subnetIds.map(
      (id) => `module.${vpcRef.module}.subnet_ids[${str(vpcRef.subnetKeys.get(id) ?? id)}]`,
    );
    root.add(
      "endpoints.tf",
      block(`resource "aws_vpc_endpoint" ${str(name)}`, [
        ...root.providerAttr(config),
        attr("vpc_id", `module.${vpcRef.module}.vpc_id`),
        attr("service_name", str(endpoint.serviceName)),
        attr("vpc_endpoint_type", str(endpoint.type)),
        ...(endpoint.type === "Gateway"
          ? [attr("route_table_ids", `[${tableRefs.join(", ")}]`)]
          : [attr("subnet_ids", `[${subnetRefs.join(", ")}]`), attr("private_dns_enabled", "true")]),
        blank,
        multi("tags", tagLines(endpoint.tags)),
      ]),
    );
    root.addState(config, { type: "aws_vpc_endpoint", name }, [
      stateInstance({
        id: endpoint.id,
        vpc_id: endpoint.vpcId,
        service_name: endpoint.serviceName,
        vpc_endpoint_type: endpoint.type,
        route_table_ids: endpoint.routeTableIds,
        subnet_ids: endpoint.subnetIds,
        tags: endpoint.tags,
      }),
    ]);
  }
}
