// Pieces shared by every way an instance is declared: its subnet reference, AMI, data volumes.
import type { EbsVolume, Ec2Instance, Organisation } from "../../org/model";
import { str } from "../hcl/syntax";
import { isLive } from "./root-builder";
import type { VpcRefs } from "./network";

export interface AttachedVolume {
  volume: EbsVolume;
  device: string;
}

/** Terraform-managed volumes attached to each instance, with the device each is attached at. */
export function attachedVolumes(org: Organisation): Map<string, AttachedVolume[]> {
  const byInstance = new Map<string, AttachedVolume[]>();
  for (const volume of org.volumes) {
    if (volume.managedBy !== "terraform" || !isLive(volume, org.today) || volume.state !== "in-use") continue;
    if (!volume.attachedInstanceId) continue;
    const list = byInstance.get(volume.attachedInstanceId) ?? [];
    list.push({ volume, device: "" });
    byInstance.set(volume.attachedInstanceId, list);
  }
  for (const list of byInstance.values()) {
    list.sort((a, b) => a.volume.id.localeCompare(b.volume.id));
    list.forEach((entry, i) => (entry.device = `/dev/sd${String.fromCharCode(102 + (i % 20))}`));
  }
  return byInstance;
}

export function subnetRef(instance: Ec2Instance, refs: Map<string, VpcRefs>): string {
  const vpc = refs.get(instance.vpcId);
  const subnetKey = vpc?.subnetKeys.get(instance.subnetId);
  return vpc && subnetKey ? `module.${vpc.module}.subnet_ids[${str(subnetKey)}]` : str(instance.subnetId);
}

function amiId(instance: Ec2Instance): string {
  return instance.architecture === "arm64" ? "ami-0a9f5c1e2b3d4f601" : "ami-0c55b159cbfafe1f0";
}

export function instanceStateAttributes(instance: Ec2Instance, volumes: AttachedVolume[]) {
  return {
    id: instance.id,
    arn: `arn:aws:ec2:${instance.region}:${instance.accountId}:instance/${instance.id}`,
    ami: amiId(instance),
    instance_type: instance.instanceType,
    subnet_id: instance.subnetId,
    availability_zone: instance.az,
    instance_state: instance.state,
    ebs_block_device: volumes.map(({ volume, device }) => ({
      device_name: device,
      volume_id: volume.id,
      volume_size: volume.sizeGiB,
      volume_type: volume.volumeType,
      delete_on_termination: true,
    })),
    tags: instance.tags,
    tags_all: instance.tags,
  };
}

/** The label a resource is named after: its Name tag, else its squad and a piece of its id. */
export function labelOf(resource: { id: string; tags: Record<string, string> }, kind: string): string {
  return resource.tags.Name ?? `${resource.tags.team ?? "untagged"}_${kind}_${resource.id.slice(-6)}`;
}
