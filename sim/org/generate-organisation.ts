// The organisation generator: deterministic from the seed. Scale 1 is the case-study company before the
// engagement (see ../../shared/seeds/case-study.txt); scale N builds N units, each a full copy of that
// company with its own accounts, clusters, fleets and databases (names suffixed "-u2", "-u3", ...) and
// the same twelve squads, so every count and the bill grow N-fold while the ratios stay put.
//
// Generation is cheap: inventory only. Daily cost lines are computed on demand (costs.ts).
import { costSources } from "./cost-sources";
import { addDays, addMonths, firstOfMonth, isDay } from "./days";
import { generateAccounts } from "./generate-accounts";
import { generateClusters } from "./generate-clusters";
import { generateDatabases } from "./generate-databases";
import { generateDecoyInstances } from "./generate-decoy-instances";
import { generateIdleInstances } from "./generate-idle-instances";
import { generateNamespaces } from "./generate-namespaces";
import { generateNetwork } from "./generate-network";
import { generateOrphanVolumes } from "./generate-orphan-volumes";
import { generateServiceCharges, MONTHLY_BILL_PER_UNIT_MICROS } from "./generate-service-charges";
import { generateWorkloadInstances } from "./generate-workload-instances";
import { createIdFactory } from "./ids";
import type { Day, Micros, Organisation } from "./model";
import { plantNetworkAndScheduleWaste } from "./plant-network-and-schedule-waste";
import { HOURS_PER_MONTH, buildPriceTable } from "./prices";
import { createRandom } from "./random";
import { SQUADS } from "./squads";
import type { UnitContext } from "./unit-context";

export interface GenerateOptions {
  seed: number;
  scale: number;
  months: number;
  today: Day;
}

export const REGIONS = ["us-east-1", "us-west-2"] as const;

function validate(options: GenerateOptions): void {
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!Number.isInteger(options.scale) || options.scale < 1)
    throw new Error(`scale must be a positive integer, got ${options.scale}`);
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 36)
    throw new Error(`months must be 1..36, got ${options.months}`);
  if (!isDay(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
}

/** Run rate (730 h) of the resources alone, from the last day with data. */
function resourceRunRateMicros(org: Organisation): Micros {
  const day = addDays(org.today, -1);
  let perDay = 0;
  for (const source of costSources(org)) perDay += source.daily(day)?.micros ?? 0;
  return Math.round((perDay * HOURS_PER_MONTH) / 24);
}

export function generateOrganisation(options: GenerateOptions): Organisation {
  validate(options);
  const { seed, scale, months, today } = options;
  const start = addMonths(firstOfMonth(today), -months);
  const random = createRandom(seed);
  const ids = createIdFactory(random.fork("ids"));
  const org: Organisation = {
    seed,
    scale,
    today,
    start,
    squads: SQUADS.map((s) => ({ ...s })),
    accounts: [],
    regions: [...REGIONS],
    vpcs: [],
    subnets: [],
    routeTables: [],
    vpcEndpoints: [],
    natGateways: [],
    clusters: [],
    namespaces: [],
    instances: [],
    volumes: [],
    dbInstances: [],
    targetGroups: [],
    autoScalingGroups: [],
    prices: buildPriceTable(REGIONS, addDays(start, -365)),
    planted: [],
    decoys: [],
  };

  const units: UnitContext[] = [];
  for (let unit = 0; unit < scale; unit++) {
    const ctx: UnitContext = {
      org,
      unit,
      suffix: unit === 0 ? "" : `-u${unit + 1}`,
      random: random.fork(`unit-${unit}`),
      ids,
      today,
      accounts: new Map(),
      networks: new Map(),
    };
    const firstNat = org.natGateways.length;
    const firstCluster = org.clusters.length;
    generateAccounts(ctx);
    generateNetwork(ctx);
    generateClusters(ctx);
    generateNamespaces(ctx);
    generateIdleInstances(ctx);
    const webTier = generateWorkloadInstances(ctx);
    generateDecoyInstances(ctx, webTier);
    generateOrphanVolumes(ctx);
    generateDatabases(ctx);
    plantNetworkAndScheduleWaste(ctx, firstNat, firstCluster);
    units.push(ctx);
  }

  const otherSpendPerUnit = (MONTHLY_BILL_PER_UNIT_MICROS * scale - resourceRunRateMicros(org)) / scale;
  org.serviceCharges = units.flatMap((ctx) => generateServiceCharges(ctx, otherSpendPerUnit));
  return org;
}
