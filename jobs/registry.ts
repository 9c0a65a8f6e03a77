// Every background job, in the order `run all` runs them.
import type { JobDefinition } from "../lib/jobs/job-definition";
import { costExplorerJob } from "./cost-explorer";
import { openCostJob } from "./opencost";

export const jobs: JobDefinition[] = [costExplorerJob, openCostJob];

export function findJob(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
