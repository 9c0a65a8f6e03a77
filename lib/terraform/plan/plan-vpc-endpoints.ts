// NAT waste: a new file of aws_vpc_endpoint resources in the VPC's root module. Gateway endpoints (S3,
// DynamoDB) attach to the NAT-routed route tables; interface endpoints (ECR api and dkr, SSM) sit in one
// private subnet per AZ with private DNS, so clients reach them without configuration changes. Existing
// Terraform resources are referenced by address, anything else by its literal id.
import type { FixOutcome } from "../fix-plan";
import { list, quote, renderFile, terraformName, type ResourceSpec } from "../hcl/render-hcl";
import type { IndexEntry, TerraformIndex } from "../index/index-entry";
import { freePath, existingResourceNames, uniqueName } from "./new-file-names";
import { PlanFiles, refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { noConfiguration, notManaged, singleRootModule } from "./resolve-entries";

type EndpointTarget = Extract<NonNullable<FixInput["fixTarget"]>, { kind: "vpc-endpoints" }> & { region: string };

const GATEWAY = new Set(["s3", "dynamodb"]);

/** The address-based expression for an id when it is in the same root module, else the quoted id. */
function referenceOrId(index: TerraformIndex, root: string, id: string): string {
  const entry = index.entries[id];
  return entry?.reference && entry.rootModule === root ? entry.reference : quote(id);
}

function vpcLabel(entry: IndexEntry): string {
  if (entry.modulePath) return terraformName(entry.modulePath.replace(/^.*module\./, "").replace(/\[.*$/, ""));
  return terraformName(entry.name === "this" || entry.name === "main" ? entry.awsId : entry.name);
}

/** One target per VPC: several NAT gateways of a VPC share it. */
function mergeTargets(targets: EndpointTarget[]): EndpointTarget[] {
  const byVpc = new Map<string, EndpointTarget>();
  for (const t of targets) {
    const known = byVpc.get(t.vpcId);
    const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];
    byVpc.set(
      t.vpcId,
      known
        ? {
            ...known,
            services: union(known.services, t.services),
            routeTableIds: union(known.routeTableIds, t.routeTableIds),
            subnetIds: known.subnetIds.length > 0 ? known.subnetIds : t.subnetIds,
            securityGroupIds: union(known.securityGroupIds, t.securityGroupIds),
          }
        : t,
    );
  }
  return [...byVpc.values()];
}

export async function planVpcEndpoints(inputs: FixInput[], context: FixContext): Promise<FixOutcome> {
  if (context.index.rootModules.length === 0) return noConfiguration();
  const untargeted = inputs.find((i) => i.fixTarget?.kind !== "vpc-endpoints");
  if (untargeted)
    return refusal(
      "block-not-found",
      `The evidence of ${untargeted.resourceId} does not list the endpoints and route tables yet; it is filled in by the next detection run.`,
    );
  const targets = mergeTargets(inputs.map((i) => ({ ...(i.fixTarget as EndpointTarget), region: i.region })));
  const unmanaged = targets.filter((t) => !context.index.entries[t.vpcId]);
  if (unmanaged.length > 0)
    return notManaged(
      inputs.filter((i) => unmanaged.some((t) => t.vpcId === (i.fixTarget as EndpointTarget).vpcId)),
      unmanaged.map((t) => t.vpcId),
    );
  const vpcs = targets.map((t) => context.index.entries[t.vpcId]!);
  const root = singleRootModule(vpcs);
  if (typeof root !== "string") return root;

  const files = new PlanFiles(context);
  const taken = await existingResourceNames(files, context, root, "aws_vpc_endpoint");
  const resources: ResourceSpec[] = [];
  const addresses: string[] = [];
  const notes: string[] = [];
  targets.forEach((target, k) => {
    const label = vpcLabel(vpcs[k]!);
    const vpc = referenceOrId(context.index, root, target.vpcId);
    for (const service of target.services) {
      const name = uniqueName(`${label}_${terraformName(service)}`, taken);
      const common: Array<[string, string]> = [
        ["vpc_id", vpc],
        ["service_name", quote(`com.amazonaws.${target.region}.${service}`)],
      ];
      const placement: Array<[string, string]> = GATEWAY.has(service)
        ? [
            ["vpc_endpoint_type", quote("Gateway")],
            ["route_table_ids", list(target.routeTableIds.map((id) => referenceOrId(context.index, root, id)))],
          ]
        : [
            ["vpc_endpoint_type", quote("Interface")],
            ["subnet_ids", list(target.subnetIds.map((id) => referenceOrId(context.index, root, id)))],
            ...(target.securityGroupIds?.length
              ? [["security_group_ids", list(target.securityGroupIds.map(quote))] as [string, string]]
              : []),
            ["private_dns_enabled", "true"],
          ];
      resources.push({
        type: "aws_vpc_endpoint",
        name,
        provider: vpcs[k]!.provider,
        groups: [[...common, ...placement]],
        tags: { Name: `${label.replace(/_/g, "-")}-${service}` },
      });
      addresses.push(`aws_vpc_endpoint.${name}`);
    }
    if (target.services.some((s) => GATEWAY.has(s)) && target.routeTableIds.length === 0)
      notes.push(
        `${target.vpcId}: no NAT-routed route table is known, so the gateway endpoints attach to none: add route_table_ids before merging.`,
      );
    if (target.services.some((s) => !GATEWAY.has(s)) && !target.securityGroupIds?.length)
      notes.push(
        `${target.vpcId}: the interface endpoints use the VPC's default security group, which must allow HTTPS (443) from the private subnets.`,
      );
  });
  const path = await freePath(files, root, `vpc-endpoints-${vpcs.map(vpcLabel).join("-").replace(/_/g, "-")}`);
  files.write(
    path,
    renderFile(
      [
        `VPC endpoints for ${targets.map((t) => t.vpcId).join(", ")}: traffic to these AWS services stops going`,
        "through the NAT gateways (opened by CostLens for a NAT waste recommendation).",
      ],
      resources,
    ),
  );
  return {
    kind: "plan",
    type: "NAT_WASTE",
    rootModule: root,
    baseSha: context.baseSha,
    files: files.changes(),
    expectedPlan: { add: resources.length, change: 0, destroy: 0 },
    addresses,
    notes: [
      ...notes,
      "Gateway endpoints (S3, DynamoDB) are free; interface endpoints bill per hour per AZ and per GB, already subtracted from the saving.",
      "When applied, S3 and DynamoDB traffic switches to the endpoint routes; long-lived connections may reconnect once.",
      "Rollback: revert this pull request and apply; traffic goes back through the NAT gateways.",
    ],
  };
}
