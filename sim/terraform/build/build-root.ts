// One environment's root configuration: chooses how each resource is declared (plain block, count,
// for_each, a multi-use module, or not at all when it was made in the console) and builds it.
import type { Ec2Instance, Environment, Organisation } from "../../org/model";
import { addAutoScalingGroup, addCluster, isNodeGroupAsg } from "./compute-groups";
import { addDatabases } from "./databases";
import { addFleet } from "./fleets";
import { attachedVolumes } from "./instance-parts";
import { addCountInstances, addForEachInstances } from "./instances-grouped";
import { addPlainInstance } from "./instances-plain";
import { addTargetGroup } from "./load-balancing";
import { addEndpoints, addNetwork } from "./network";
import { addRootFiles } from "./root-files";
import { RootBuilder, bucketOf, environmentOf, isLive, squadOf } from "./root-builder";
import { addStandaloneVolume } from "./volumes";

type InstancePlacement = "plain" | "count" | "for_each" | "module";

/** One in ten standalone instances sits in a squad's fleet module, one in twenty each in count/for_each. */
function instancePlacement(instance: Ec2Instance): InstancePlacement {
  const bucket = bucketOf(instance.id, 20);
  if (bucket < 2) return "module";
  if (bucket === 2) return "for_each";
  if (bucket === 3) return "count";
  return "plain";
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

export function buildRoot(org: Organisation, environment: Environment, crlf: boolean): RootBuilder {
  const root = new RootBuilder(org, environment);
  const inEnv = (r: { accountId: string }) => environmentOf(org, r.accountId) === environment;
  const live = <T extends { goneDay?: string }>(r: T) => isLive(r, org.today);
  const managed = <T extends { managedBy: string; goneDay?: string }>(r: T) => r.managedBy === "terraform" && live(r);

  const refs = addNetwork(root, org.vpcs.filter(inEnv));
  addEndpoints(root, refs, org);

  const volumes = attachedVolumes(org);
  const standalone = org.instances.filter((i) => inEnv(i) && managed(i) && !i.asgName && !i.clusterName);
  const inTerraform = new Set(standalone.map((i) => i.id));
  const volumesOf = (instance: Ec2Instance) => volumes.get(instance.id) ?? [];
  const placed = groupBy(standalone, instancePlacement);

  const bySquad = groupBy(placed.get("plain") ?? [], (i) => squadOf(i.tags));
  const squads = [...bySquad.keys()].sort();
  for (const squad of squads) {
    const file = `instances-${squad}.tf`;
    if (crlf && squad === squads[0]) root.crlfFiles.add(file);
    for (const instance of bySquad.get(squad) ?? []) addPlainInstance(root, file, instance, volumesOf(instance), refs);
  }
  for (const [group, instances] of groupBy(
    placed.get("for_each") ?? [],
    (i) => `${squadOf(i.tags)}|${i.accountId}|${i.region}`,
  )) {
    const squad = group.split("|")[0] ?? "untagged";
    addForEachInstances(root, `instances-${squad}.tf`, `${squad}_nodes`, instances, volumesOf, refs);
  }
  const countKey = (i: Ec2Instance) =>
    `${squadOf(i.tags)}|${i.accountId}|${i.region}|${i.instanceType}|${i.architecture}`;
  for (const [group, instances] of groupBy(placed.get("count") ?? [], countKey)) {
    const squad = group.split("|")[0] ?? "untagged";
    addCountInstances(root, `instances-${squad}.tf`, `${squad}_workers`, instances, volumesOf, refs);
  }
  for (const [group, instances] of groupBy(
    placed.get("module") ?? [],
    (i) => `${squadOf(i.tags)}|${i.accountId}|${i.region}`,
  )) {
    addFleet(root, group.split("|")[0] ?? "untagged", instances, volumesOf, refs);
  }

  // A volume of an auto-scaling group's or node group's instance comes from the group's launch template.
  const grouped = new Set(org.instances.filter((i) => i.asgName || i.clusterName).map((i) => i.id));
  for (const volume of org.volumes.filter((v) => inEnv(v) && managed(v))) {
    const attachedTo = volume.state === "in-use" ? volume.attachedInstanceId : undefined;
    if (attachedTo && (inTerraform.has(attachedTo) || grouped.has(attachedTo))) continue;
    addStandaloneVolume(root, volume);
  }
  addDatabases(
    root,
    org.dbInstances.filter((d) => inEnv(d) && managed(d)),
  );
  for (const cluster of org.clusters.filter(inEnv)) addCluster(root, cluster, refs);
  for (const group of org.autoScalingGroups.filter((g) => inEnv(g) && !isNodeGroupAsg(org, g))) {
    addAutoScalingGroup(root, group);
  }
  for (const group of org.targetGroups.filter(inEnv)) addTargetGroup(root, group, refs);
  addRootFiles(root);
  return root;
}
