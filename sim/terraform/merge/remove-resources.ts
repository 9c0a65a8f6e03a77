// A resource block removed by a merge: `terraform apply` destroys what its state entry points at.
import type { Organisation } from "../../org/model";
import type { StateResource, TerraformStateV4 } from "../state-types";
import type { MergeEffects } from "./effects";

function ebsVolumeIds(resource: StateResource): string[] {
  return resource.instances.flatMap((instance) => {
    const devices = instance.attributes.ebs_block_device;
    if (!Array.isArray(devices)) return [];
    return devices.flatMap((d: unknown) =>
      d !== null && typeof d === "object" && "volume_id" in d && typeof d.volume_id === "string" ? [d.volume_id] : [],
    );
  });
}

function destroy(org: Organisation, resource: StateResource, day: string, effects: MergeEffects): void {
  const ids = resource.instances.map((i) => i.attributes.id);
  const gone = (r: { goneDay?: string }) => {
    if (r.goneDay === undefined || r.goneDay > day) r.goneDay = day;
  };
  for (const id of ids) {
    switch (resource.type) {
      case "aws_instance": {
        const instance = org.instances.find((i) => i.id === id);
        if (instance) gone(instance);
        break;
      }
      case "aws_ebs_volume": {
        const volume = org.volumes.find((v) => v.id === id);
        if (volume) gone(volume);
        break;
      }
      case "aws_db_instance": {
        const db = org.dbInstances.find((d) => d.identifier === id);
        if (db) gone(db);
        break;
      }
      case "aws_nat_gateway": {
        const nat = org.natGateways.find((n) => n.id === id);
        if (nat) gone(nat);
        break;
      }
      case "aws_vpc_endpoint": {
        const endpoint = org.vpcEndpoints.find((e) => e.id === id);
        if (endpoint) gone(endpoint);
        break;
      }
      case "aws_autoscaling_schedule": {
        for (const group of [...org.autoScalingGroups, ...org.clusters]) {
          group.schedules = group.schedules?.filter((s) => s.name !== id);
        }
        break;
      }
      default:
        effects.ignored.push(`${resource.type}.${resource.name}`);
        continue;
    }
    effects.gone.push(id);
  }
  // Inline data volumes are deleted with their instance (delete_on_termination).
  for (const volumeId of resource.type === "aws_instance" ? ebsVolumeIds(resource) : []) {
    const volume = org.volumes.find((v) => v.id === volumeId);
    if (volume) {
      gone(volume);
      effects.gone.push(volumeId);
    }
  }
}

/** Destroys the root-level resources at these addresses and drops them from the state. */
export function removeResources(
  org: Organisation,
  state: TerraformStateV4,
  addresses: string[],
  day: string,
  effects: MergeEffects,
): void {
  for (const address of addresses) {
    const index = state.resources.findIndex((r) => !r.module && `${r.type}.${r.name}` === address);
    const resource = state.resources[index];
    if (!resource) continue;
    destroy(org, resource, day, effects);
    state.resources.splice(index, 1);
  }
}
