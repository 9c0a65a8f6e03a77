import { runAllocation } from "../lib/allocation/run-allocation";
import { jobCatalog } from "../lib/jobs/job-catalog";
import type { JobDefinition } from "../lib/jobs/job-definition";

/**
 * Who owns each dollar: recomputes the allocated bill of every month whose facts or policy changed since its
 * last allocation (or exactly the --from/--to window).
 */
export const allocationJob: JobDefinition = {
  ...jobCatalog.allocation,
  async run(context) {
    await runAllocation(context);
  },
};
