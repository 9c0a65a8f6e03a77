// Which inventory ids must be in some Terraform state, and which ids a state may hold: the contract the
// consistency tests check. Instances of auto-scaling and node groups (and their volumes) are the group's,
// not Terraform's; a volume attachment's id is derived from its volume and instance, as the provider does.
import type { Organisation } from "../org/model";
import { isLive } from "./build/root-builder";

export function expectedInState(org: Organisation): Set<string> {
  const live = <T extends { goneDay?: string }>(r: T) => isLive(r, org.today);
  const grouped = new Set(org.instances.filter((i) => i.asgName || i.clusterName).map((i) => i.id));
  const ids = new Set<string>();
  for (const i of org.instances) if (i.managedBy === "terraform" && live(i) && !grouped.has(i.id)) ids.add(i.id);
  for (const v of org.volumes) {
    const groupVolume = v.state === "in-use" && v.attachedInstanceId !== undefined && grouped.has(v.attachedInstanceId);
    if (v.managedBy === "terraform" && live(v) && !groupVolume) ids.add(v.id);
  }
  for (const d of org.dbInstances) if (d.managedBy === "terraform" && live(d)) ids.add(d.identifier);
  for (const n of org.natGateways) if (n.managedBy === "terraform" && live(n)) ids.add(n.id);
  for (const e of org.vpcEndpoints) if (e.managedBy === "terraform" && live(e)) ids.add(e.id);
  for (const v of org.vpcs) ids.add(v.id);
  for (const s of org.subnets) ids.add(s.id);
  for (const r of org.routeTables) ids.add(r.id);
  for (const c of org.clusters) ids.add(c.name);
  return ids;
}

/** Every id an inventory resource could have in a state (live or not, however managed). */
export function inventoryIds(org: Organisation): Set<string> {
  return new Set([
    ...org.instances.map((i) => i.id),
    ...org.volumes.map((v) => v.id),
    ...org.dbInstances.map((d) => d.identifier),
    ...org.natGateways.map((n) => n.id),
    ...org.vpcEndpoints.map((e) => e.id),
    ...org.vpcs.map((v) => v.id),
    ...org.subnets.map((s) => s.id),
    ...org.routeTables.map((r) => r.id),
    ...org.clusters.flatMap((c) => [c.name, `${c.name}:${c.nodeGroupName}`]),
    ...org.autoScalingGroups.map((g) => g.name),
    ...org.autoScalingGroups.flatMap((g) => (g.schedules ?? []).map((s) => s.name)),
    ...org.clusters.flatMap((c) => (c.schedules ?? []).map((s) => s.name)),
    ...org.targetGroups.map((t) => t.arn),
  ]);
}
