// One cluster's node cost on one day (the nodes' EC2 compute cost, as Cost Explorer bills it), split the way OpenCost allocates it: each namespace gets its
// requested share of the nodes' CPU and RAM cost, and what nobody requested is idle. The shares are floored
// to the micro-dollar and idle takes the remainder, so namespaces + idle = node cost exactly.
import { instanceComputeOnDay } from "../../../org/instance-compute";
import { instanceTypeSpec } from "../../../org/instance-types";
import type { Day, EksCluster, Ec2Instance, Micros, Namespace, Organisation } from "../../../org/model";

/** OpenCost's default pricing puts about 65% of an m5-class node's cost on CPU and 35% on RAM. */
const CPU_SHARE_PER_MILLE = 650;
const BYTES_PER_GIB = 1024 ** 3;

export interface Usage {
  cpuCost: Micros;
  ramCost: Micros;
  cpuCoreHours: number;
  ramByteHours: number;
  cpuUsedCoreHours: number;
  ramUsedByteHours: number;
}

export interface NamespaceDay extends Usage {
  namespace: Namespace;
}

export interface ClusterDay {
  cluster: EksCluster;
  day: Day;
  nodeCost: Micros;
  namespaces: NamespaceDay[];
  idle: Usage;
}

export function clusterNodes(org: Organisation, cluster: EksCluster): Ec2Instance[] {
  const ids = new Set(cluster.nodeInstanceIds);
  return org.instances.filter((i) => ids.has(i.id));
}

export function clusterDay(
  org: Organisation,
  cluster: EksCluster,
  nodes: Ec2Instance[],
  namespaces: Namespace[],
  day: Day,
): ClusterDay {
  let nodeCost = 0;
  let coreHours = 0;
  let ramByteHours = 0;
  for (const node of nodes) {
    const compute = instanceComputeOnDay(org, node, day);
    if (!compute) continue;
    const spec = instanceTypeSpec(compute.instanceType);
    nodeCost += compute.micros;
    coreHours += spec.vcpus * compute.hours;
    ramByteHours += spec.memoryGiB * BYTES_PER_GIB * compute.hours;
  }
  const cpuPool = Math.floor((nodeCost * CPU_SHARE_PER_MILLE) / 1000);
  const ramPool = nodeCost - cpuPool;
  const rows: NamespaceDay[] = namespaces.map((namespace) => {
    const requestedCoreHours = coreHours * namespace.cpuShare;
    const requestedRamByteHours = ramByteHours * namespace.ramShare;
    return {
      namespace,
      cpuCost: Math.floor(cpuPool * namespace.cpuShare),
      ramCost: Math.floor(ramPool * namespace.ramShare),
      cpuCoreHours: requestedCoreHours,
      ramByteHours: requestedRamByteHours,
      cpuUsedCoreHours: requestedCoreHours * namespace.cpuEfficiency,
      ramUsedByteHours: requestedRamByteHours * namespace.ramEfficiency,
    };
  });
  const sum = (pick: (r: NamespaceDay) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    cluster,
    day,
    nodeCost,
    namespaces: rows,
    idle: {
      cpuCost: cpuPool - sum((r) => r.cpuCost),
      ramCost: ramPool - sum((r) => r.ramCost),
      cpuCoreHours: coreHours - sum((r) => r.cpuCoreHours),
      ramByteHours: ramByteHours - sum((r) => r.ramByteHours),
      cpuUsedCoreHours: 0,
      ramUsedByteHours: 0,
    },
  };
}
