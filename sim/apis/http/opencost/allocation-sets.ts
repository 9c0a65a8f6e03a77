// Builds OpenCost allocation sets: per step window, the namespaces' cost (summed over the days with data),
// optionally idle (as "__idle__", per cluster as "<cluster>/__idle__" with splitIdle, or shared into the namespaces of its cluster in proportion to their
// CPU and RAM cost), aggregated by cluster, namespace and/or a label.
import { apportion } from "../../../org/apportion";
import { addDays, daysBetween } from "../../../org/days";
import { hasCostData } from "../../../org/costs";
import type { Day, Ec2Instance, EksCluster, Namespace, Organisation, Tags } from "../../../org/model";
import { clusterDay, clusterNodes, type Usage } from "./cluster-costs";
import type { DayWindow } from "./window";

export type AggregateBy = { kind: "cluster" } | { kind: "namespace" } | { kind: "label"; label: string };

export interface AllocationQuery {
  window: DayWindow;
  stepDays?: number;
  accumulate: boolean;
  aggregate: AggregateBy[];
  includeIdle: boolean;
  shareIdle: boolean;
  /** One idle entry per cluster, "<cluster>/__idle__", instead of a single "__idle__". */
  splitIdle: boolean;
}

export const IDLE = "__idle__";
export const UNALLOCATED = "__unallocated__";

interface Row {
  cluster: string;
  namespace?: Namespace;
  usage: Usage;
}

function emptyUsage(): Usage {
  return { cpuCost: 0, ramCost: 0, cpuCoreHours: 0, ramByteHours: 0, cpuUsedCoreHours: 0, ramUsedByteHours: 0 };
}

function addUsage(into: Usage, from: Usage): void {
  into.cpuCost += from.cpuCost;
  into.ramCost += from.ramCost;
  into.cpuCoreHours += from.cpuCoreHours;
  into.ramByteHours += from.ramByteHours;
  into.cpuUsedCoreHours += from.cpuUsedCoreHours;
  into.ramUsedByteHours += from.ramUsedByteHours;
}

function stepWindows(query: AllocationQuery): DayWindow[] {
  const { start, end } = query.window;
  const total = daysBetween(start, end);
  const step = query.accumulate ? total : Math.min(query.stepDays ?? total, total);
  const windows: DayWindow[] = [];
  for (let from = start; from < end; from = addDays(from, step)) {
    const to = addDays(from, step);
    windows.push({ start: from, end: to < end ? to : end });
  }
  return windows;
}

/** The window's rows: one per namespace and one idle row per cluster, summed over its days with data. */
interface ClusterInputs {
  cluster: EksCluster;
  nodes: Ec2Instance[];
  namespaces: Namespace[];
}

function rowsFor(
  org: Organisation,
  clusters: ClusterInputs[],
  window: DayWindow,
): { rows: Row[]; idle: Row[]; days: number } {
  const rows = new Map<string, Row>();
  const idle = new Map<string, Row>();
  let days = 0;
  for (let day: Day = window.start; day < window.end; day = addDays(day, 1)) {
    if (!hasCostData(org, day)) continue;
    days += 1;
    for (const { cluster, nodes, namespaces } of clusters) {
      const costs = clusterDay(org, cluster, nodes, namespaces, day);
      for (const entry of costs.namespaces) {
        const key = `${cluster.name}/${entry.namespace.name}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { cluster: cluster.name, namespace: entry.namespace, usage: emptyUsage() }));
        addUsage(row.usage, entry);
      }
      let idleRow = idle.get(cluster.name);
      if (!idleRow) idle.set(cluster.name, (idleRow = { cluster: cluster.name, usage: emptyUsage() }));
      addUsage(idleRow.usage, costs.idle);
    }
  }
  return { rows: [...rows.values()], idle: [...idle.values()], days };
}

/** Moves each cluster's idle cost into its namespaces, in proportion to their CPU and RAM cost. */
function shareIdle(rows: Row[], idle: Row[]): void {
  for (const idleRow of idle) {
    const members = rows.filter((r) => r.cluster === idleRow.cluster);
    if (members.length === 0) continue;
    for (const resource of ["cpuCost", "ramCost"] as const) {
      const weights = members.map((m) => m.usage[resource]);
      if (weights.every((w) => w === 0)) continue;
      const parts = apportion(idleRow.usage[resource], weights);
      members.forEach((m, i) => (m.usage[resource] += parts[i] ?? 0));
      idleRow.usage[resource] = 0;
    }
  }
}

function aggregateName(row: Row, aggregate: AggregateBy[]): string {
  if (aggregate.length === 0) return `${row.cluster}/${row.namespace?.name ?? IDLE}`;
  return aggregate
    .map((by) => {
      if (by.kind === "cluster") return row.cluster;
      if (by.kind === "namespace") return row.namespace?.name ?? IDLE;
      return row.namespace?.labels[by.label] ?? UNALLOCATED;
    })
    .join("/");
}

const dollars = (micros: number) => micros / 1e6;
const ratio = (used: number, total: number) => (total > 0 ? used / total : 0);

function render(
  name: string,
  members: Row[],
  window: DayWindow,
  days: number,
  aggregate: AggregateBy[],
): Record<string, unknown> {
  const usage = emptyUsage();
  for (const m of members) addUsage(usage, m.usage);
  const clusters = new Set(members.map((m) => m.cluster));
  const namespaces = new Set(members.map((m) => m.namespace?.name));
  const properties: Record<string, unknown> = {};
  if (clusters.size === 1) properties.cluster = [...clusters][0];
  const onlyNamespace = namespaces.size === 1 ? [...namespaces][0] : undefined;
  if (onlyNamespace) properties.namespace = onlyNamespace;
  const labelKeys = aggregate.flatMap((a) => (a.kind === "label" ? [a.label] : []));
  const labels: Tags = {};
  for (const key of labelKeys) {
    const value = members[0]?.namespace?.labels[key];
    if (value && members.every((m) => m.namespace?.labels[key] === value)) labels[key] = value;
  }
  if (Object.keys(labels).length > 0) properties.labels = labels;
  else if (onlyNamespace && members[0]?.namespace) properties.namespaceLabels = members[0].namespace.labels;

  const hours = days * 24;
  const cpuEfficiency = ratio(usage.cpuUsedCoreHours, usage.cpuCoreHours);
  const ramEfficiency = ratio(usage.ramUsedByteHours, usage.ramByteHours);
  const costMicros = usage.cpuCost + usage.ramCost;
  const start = `${window.start}T00:00:00Z`;
  const end = `${window.end}T00:00:00Z`;
  return {
    name,
    properties,
    window: { start, end },
    start,
    end,
    minutes: hours * 60,
    cpuCores: ratio(usage.cpuCoreHours, hours),
    cpuCoreRequestAverage: ratio(usage.cpuCoreHours, hours),
    cpuCoreUsageAverage: ratio(usage.cpuUsedCoreHours, hours),
    cpuCoreHours: usage.cpuCoreHours,
    cpuCost: dollars(usage.cpuCost),
    cpuCostAdjustment: 0,
    cpuEfficiency,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: 0,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: ratio(usage.ramByteHours, hours),
    ramByteRequestAverage: ratio(usage.ramByteHours, hours),
    ramByteUsageAverage: ratio(usage.ramUsedByteHours, hours),
    ramByteHours: usage.ramByteHours,
    ramCost: dollars(usage.ramCost),
    ramCostAdjustment: 0,
    ramEfficiency,
    sharedCost: 0,
    externalCost: 0,
    totalCost: dollars(costMicros),
    totalEfficiency: costMicros > 0 ? (usage.cpuCost * cpuEfficiency + usage.ramCost * ramEfficiency) / costMicros : 0,
    rawAllocationOnly: null,
  };
}

export function allocationSets(org: Organisation, query: AllocationQuery): Array<Record<string, unknown>> {
  const clusters = org.clusters.map((cluster) => ({
    cluster,
    nodes: clusterNodes(org, cluster),
    namespaces: org.namespaces.filter((n) => n.cluster === cluster.name),
  }));
  return stepWindows(query).map((window) => {
    const { rows, idle, days } = rowsFor(org, clusters, window);
    if (days === 0) return {};
    if (query.shareIdle) shareIdle(rows, idle);
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const name = aggregateName(row, query.aggregate);
      groups.set(name, [...(groups.get(name) ?? []), row]);
    }
    if (query.includeIdle && !query.shareIdle) {
      if (query.splitIdle) for (const row of idle) groups.set(`${row.cluster}/${IDLE}`, [row]);
      else groups.set(IDLE, idle);
    }
    const set: Record<string, unknown> = {};
    for (const name of [...groups.keys()].sort())
      set[name] = render(name, groups.get(name) ?? [], window, days, query.aggregate);
    return set;
  });
}
