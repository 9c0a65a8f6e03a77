// One EC2 instance with its root (and optional data) EBS volume, added to the organisation.
import { instanceTypeSpec } from "./instance-types";
import type { Account, Day, EbsVolume, Ec2Instance, ManagedBy, Squad, Tags, UtilisationProfile } from "./model";
import { networkFor, standardTags, type UnitContext } from "./unit-context";

export interface InstanceSpec {
  account: Account;
  region?: string;
  instanceType: string;
  squad: Squad;
  name: string;
  launchDay: Day;
  usage: UtilisationProfile;
  stoppedSince?: Day;
  asgName?: string;
  clusterName?: string;
  managedBy?: ManagedBy;
  untagged?: boolean;
  extraTags?: Tags;
  rootVolume: { sizeGiB: number; volumeType: EbsVolume["volumeType"] };
  dataVolume?: { sizeGiB: number; volumeType: EbsVolume["volumeType"] };
}

export function createInstance(ctx: UnitContext, spec: InstanceSpec): Ec2Instance {
  const region = spec.region ?? "us-east-1";
  const network = networkFor(ctx, spec.account, region);
  const subnet = ctx.random.pick(network.privateSubnets);
  const tags = { ...standardTags(spec.squad, spec.account.environment, spec.name, spec.untagged), ...spec.extraTags };
  const managedBy = spec.managedBy ?? "terraform";
  const instanceId = ctx.ids.resourceId("i-", 17);
  const volume = (size: { sizeGiB: number; volumeType: EbsVolume["volumeType"] }): EbsVolume => ({
    id: ctx.ids.resourceId("vol-", 17),
    accountId: spec.account.id,
    region,
    az: subnet.az,
    sizeGiB: size.sizeGiB,
    volumeType: size.volumeType,
    state: "in-use",
    attachedInstanceId: instanceId,
    createDay: spec.launchDay,
    managedBy,
    tags: { ...tags },
  });
  const volumes = [volume(spec.rootVolume), ...(spec.dataVolume ? [volume(spec.dataVolume)] : [])];
  const instance: Ec2Instance = {
    id: instanceId,
    accountId: spec.account.id,
    region,
    az: subnet.az,
    vpcId: network.vpc.id,
    subnetId: subnet.id,
    instanceType: spec.instanceType,
    architecture: instanceTypeSpec(spec.instanceType).architecture,
    state: spec.stoppedSince ? "stopped" : "running",
    launchDay: spec.launchDay,
    stateChangeDay: spec.stoppedSince ?? spec.launchDay,
    ...(spec.asgName ? { asgName: spec.asgName } : {}),
    ...(spec.clusterName ? { clusterName: spec.clusterName } : {}),
    targetGroupArns: [],
    volumeIds: volumes.map((v) => v.id),
    usage: spec.usage,
    managedBy,
    tags,
  };
  ctx.org.instances.push(instance);
  ctx.org.volumes.push(...volumes);
  return instance;
}
