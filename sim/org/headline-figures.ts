// The figures the case study quotes, measured on a generated organisation: what /_sim/truth reports and
// the headline test prints.
import { addDays, addMonths, firstOfMonth } from "./days";
import { forEachCostLine } from "./costs";
import { BYTES_PER_GB } from "./generate-network";
import { natTrafficOnDay, totalBytes } from "./nat-traffic";
import type { Organisation } from "./model";
import { HOURS_PER_MONTH, unitPriceMicros } from "./prices";
import { microsToDollars } from "./micros";

export interface HeadlineFigures {
  squads: number;
  accounts: number;
  environments: number;
  clusters: number;
  productionNodes: number;
  instances: number;
  outsideAsgShare: number;
  averageCpuPercent: number;
  zombieInstances: number;
  orphanVolumes: number;
  idleReplicas: number;
  natMonthlyUsd: number;
  natToAwsServicesShare: number;
  lastMonthBillUsd: number;
  lastMonth: string;
  runRateMonthlyUsd: number;
  workloads: number;
  plantedMonthlySavingUsd: number;
  planted: number;
  decoys: number;
  untaggedSpendShare: number;
}

export function headlineFigures(org: Organisation): HeadlineFigures {
  const live = org.instances.filter((i) => !i.goneDay || i.goneDay > org.today);
  const running = live.filter((i) => i.state === "running");
  const count = (type: string) => org.planted.filter((p) => p.type === type).length;

  let natMonthly = 0;
  let natBytes = 0;
  let natToServices = 0;
  const lastDay = addDays(org.today, -1);
  for (const nat of org.natGateways) {
    if (nat.goneDay && nat.goneDay <= lastDay) continue;
    const t = natTrafficOnDay(org, nat, lastDay);
    const bytes = totalBytes(t);
    natBytes += bytes;
    natToServices += bytes - t.internet;
    natMonthly +=
      unitPriceMicros(org, "nat-hour", nat.region) * HOURS_PER_MONTH +
      ((bytes / BYTES_PER_GB) * unitPriceMicros(org, "nat-gb", nat.region) * HOURS_PER_MONTH) / 24;
  }

  const lastMonthStart = addMonths(firstOfMonth(org.today), -1);
  const thisMonthStart = firstOfMonth(org.today);
  let lastMonth = 0;
  let untagged = 0;
  for (let day = lastMonthStart; day < thisMonthStart; day = addDays(day, 1)) {
    forEachCostLine(
      org,
      day,
      (line) => {
        lastMonth += line.unblendedMicros;
        if (!line.tags.team) untagged += line.unblendedMicros;
      },
      { final: true },
    );
  }
  let lastWeek = 0;
  for (let d = 1; d <= 7; d++)
    forEachCostLine(org, addDays(org.today, -d), (line) => (lastWeek += line.unblendedMicros), { final: true });

  return {
    squads: org.squads.length,
    accounts: org.accounts.length,
    environments: new Set(org.accounts.map((a) => a.environment)).size,
    clusters: org.clusters.length,
    productionNodes: org.clusters
      .filter((c) => c.environment === "production")
      .reduce((n, c) => n + c.nodeInstanceIds.length, 0),
    instances: live.length,
    outsideAsgShare: round(live.filter((i) => !i.asgName).length / live.length, 3),
    averageCpuPercent: round(running.reduce((sum, i) => sum + i.usage.cpuMean, 0) / running.length, 1),
    zombieInstances: count("zombie-instance"),
    orphanVolumes: count("orphan-volume"),
    idleReplicas: count("idle-replica"),
    natMonthlyUsd: round(microsToDollars(natMonthly), 0),
    natToAwsServicesShare: round(natToServices / natBytes, 3),
    lastMonthBillUsd: round(microsToDollars(lastMonth), 0),
    lastMonth: lastMonthStart.slice(0, 7),
    runRateMonthlyUsd: round(microsToDollars((lastWeek / 7) * (HOURS_PER_MONTH / 24)), 0),
    workloads: org.namespaces.reduce((n, ns) => n + ns.workloads, 0),
    plantedMonthlySavingUsd: round(microsToDollars(org.planted.reduce((sum, p) => sum + p.monthlySavingMicros, 0)), 0),
    planted: org.planted.length,
    decoys: org.decoys.length,
    untaggedSpendShare: round(untagged / lastMonth, 3),
  };
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
