// Every background job, in the order `run all` and one scheduler tick run them: the inventory first,
// since prices and metrics read it; allocation after the cost ingests; detection last, since it reads
// the inventory, metrics and prices and the squads allocation knows.
import type { JobDefinition } from "../lib/jobs/job-definition";
import { allocationJob } from "./allocation";
import { costExplorerJob } from "./cost-explorer";
import { detectionJob } from "./detection";
import { inventoryJob } from "./inventory";
import { metricsJob } from "./metrics";
import { openCostJob } from "./opencost";
import { pricesJob } from "./prices";

export const jobs: JobDefinition[] = [
  inventoryJob,
  pricesJob,
  metricsJob,
  costExplorerJob,
  openCostJob,
  allocationJob,
  detectionJob,
];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
