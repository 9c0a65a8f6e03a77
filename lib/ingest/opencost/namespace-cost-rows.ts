// OpenCost allocations to namespace_cost_daily rows. Idle cost keeps its own row per cluster
// (namespace "__idle__") so that a cluster's namespaces plus idle add up to its node cost.
import type { Allocation } from "./opencost-payloads";

export const IDLE_NAMESPACE = "__idle__";

export interface NamespaceCostRow {
  day: string;
  cluster: string;
  namespace: string;
  teamLabel: string;
  cpuCost: string;
  ramCost: string;
  pvCost: string;
  networkCost: string;
  loadBalancerCost: string;
  sharedCost: string;
  totalCost: string;
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
}

// OpenCost's JSON numbers carry at most float precision; their shortest decimal form is what OpenCost
// meant, and goes into numeric columns as such.
const amount = (value: number) => String(value);

export function toNamespaceCostRow(name: string, allocation: Allocation): NamespaceCostRow {
  const [clusterFromName, namespaceFromName] = name.split("/");
  const cluster = allocation.properties.cluster ?? clusterFromName ?? "";
  const namespace = name.endsWith(`/${IDLE_NAMESPACE}`)
    ? IDLE_NAMESPACE
    : (allocation.properties.namespace ?? namespaceFromName ?? "");
  const labels = { ...allocation.properties.namespaceLabels, ...allocation.properties.labels };
  return {
    day: allocation.window.start.slice(0, 10),
    cluster,
    namespace,
    teamLabel: namespace === IDLE_NAMESPACE ? "" : (labels.team ?? ""),
    cpuCost: amount(allocation.cpuCost),
    ramCost: amount(allocation.ramCost),
    pvCost: amount(allocation.pvCost),
    networkCost: amount(allocation.networkCost),
    loadBalancerCost: amount(allocation.loadBalancerCost),
    sharedCost: amount(allocation.sharedCost),
    totalCost: amount(allocation.totalCost),
    cpuEfficiency: namespace === IDLE_NAMESPACE ? null : (allocation.cpuEfficiency ?? null),
    ramEfficiency: namespace === IDLE_NAMESPACE ? null : (allocation.ramEfficiency ?? null),
  };
}
