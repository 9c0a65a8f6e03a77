// Every background job, in the order `run all` and one scheduler tick run them: the inventory first,
// since prices and metrics read it; allocation after the cost ingests; detection after those, since it reads
// the inventory, metrics and prices and the squads allocation knows; the Terraform index after detection,
// since it annotates the recommendations; the pull-request sync and savings ledger last, since resolving
// reads the fresh inventory and realising the fresh costs.
import type { JobDefinition } from "../lib/jobs/job-definition";
import { allocationJob } from "./allocation";
import { costExplorerJob } from "./cost-explorer";
import { detectionJob } from "./detection";
import { inventoryJob } from "./inventory";
import { metricsJob } from "./metrics";
import { openCostJob } from "./opencost";
import { pricesJob } from "./prices";
import { pullRequestsJob } from "./pull-requests";
import { terraformIndexJob } from "./terraform-index";

export const jobs: JobDefinition[] = [
  inventoryJob,
  pricesJob,
  metricsJob,
  costExplorerJob,
  openCostJob,
  allocationJob,
  detectionJob,
  terraformIndexJob,
  pullRequestsJob,
];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
