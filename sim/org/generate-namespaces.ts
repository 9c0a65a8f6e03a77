// Namespaces per cluster: one per squad (labelled team=<squad>) plus the platform's system namespaces
// (no team label). The unit's 890 workloads are spread over them, and each namespace requests a share
// of its cluster's CPU and RAM; what no namespace requests is the cluster's idle capacity.
import { apportion } from "./apportion";
import { CLUSTER_LAYOUT } from "./generate-clusters";
import type { Namespace } from "./model";
import { PLATFORM_SQUAD, SQUADS } from "./squads";
import type { UnitContext } from "./unit-context";

export const WORKLOADS_PER_UNIT = 890;
const SYSTEM_NAMESPACES = ["kube-system", "monitoring", "argocd", "ingress-nginx"] as const;

const CLUSTER_SHAPE: Record<string, { workloadShare: number; requestedShare: number }> = {
  production: { workloadShare: 0.36, requestedShare: 0.68 },
  staging: { workloadShare: 0.26, requestedShare: 0.5 },
  dev: { workloadShare: 0.24, requestedShare: 0.45 },
  qa: { workloadShare: 0.14, requestedShare: 0.35 },
};

export function generateNamespaces(ctx: UnitContext): void {
  const { random } = ctx;
  const clusterWorkloads = apportion(
    WORKLOADS_PER_UNIT,
    CLUSTER_LAYOUT.map((c) => CLUSTER_SHAPE[c.name]?.workloadShare ?? 0),
  );
  CLUSTER_LAYOUT.forEach((layout, clusterIndex) => {
    const shape = CLUSTER_SHAPE[layout.name];
    if (!shape) throw new Error(`no shape for cluster ${layout.name}`);
    const clusterName = `${layout.name}${ctx.suffix}`;
    const names = [
      ...SQUADS.map((s) => ({
        name: s.slug === PLATFORM_SQUAD ? "platform-tools" : s.slug,
        squad: s.slug as string | undefined,
      })),
      ...SYSTEM_NAMESPACES.map((name) => ({ name, squad: undefined })),
    ];
    const weights = names.map((n) => (n.squad ? random.float(0.5, 2) : random.float(0.1, 0.4)));
    const workloads = apportion(clusterWorkloads[clusterIndex] ?? 0, weights);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    names.forEach((entry, i) => {
      const weight = weights[i] ?? 0;
      const cpuShare = (shape.requestedShare * weight) / weightSum;
      const ramShare = Math.min(0.99, cpuShare * random.float(0.8, 1.2));
      const efficiency = Math.min(
        0.95,
        Math.max(0.05, (layout.nodeCpuMean / 100 / shape.requestedShare) * random.float(0.7, 1.3)),
      );
      const namespace: Namespace = {
        cluster: clusterName,
        name: entry.name,
        ...(entry.squad ? { squad: entry.squad } : {}),
        workloads: workloads[i] ?? 0,
        cpuShare: Math.round(cpuShare * 1e6) / 1e6,
        ramShare: Math.round(ramShare * 1e6) / 1e6,
        cpuEfficiency: Math.round(efficiency * 1000) / 1000,
        ramEfficiency: Math.round(Math.min(0.95, efficiency * random.float(1.2, 1.8)) * 1000) / 1000,
        labels: { "kubernetes.io/metadata.name": entry.name, ...(entry.squad ? { team: entry.squad } : {}) },
      };
      ctx.org.namespaces.push(namespace);
    });
  });
}
