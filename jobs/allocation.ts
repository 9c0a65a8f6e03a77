import { runAllocation } from "../lib/allocation/run-allocation";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

/** Who owns each dollar: recomputes the allocated bill for every day with Cost Explorer data. */
export const allocationJob: JobDefinition = {
  ...jobCatalog.allocation,
  async run(context) {
    await runAllocation(context);
  },
};
