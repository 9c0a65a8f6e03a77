// Every background job, in the order `run all` and one scheduler tick run them: the inventory first,
// since prices and metrics read it.
import type { JobDefinition } from "../lib/jobs/job-definition";
import { costExplorerJob } from "./cost-explorer";
import { inventoryJob } from "./inventory";
import { metricsJob } from "./metrics";
import { openCostJob } from "./opencost";
import { pricesJob } from "./prices";

export const jobs: JobDefinition[] = [inventoryJob, pricesJob, metricsJob, costExplorerJob, openCostJob];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
