// Every background job, in the order `run all` runs them.
import type { JobDefinition } from "../lib/jobs/job-definition";
import { costExplorerJob } from "./cost-explorer";
import { inventoryJob } from "./inventory";
import { openCostJob } from "./opencost";

export const jobs: JobDefinition[] = [costExplorerJob, inventoryJob, openCostJob];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
