import { JobsDashboard } from "@/components/jobs/jobs-dashboard";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { getConfig } from "@/lib/config/env";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getJobsOverview } from "@/lib/queries/jobs-overview";

export const dynamic = "force-dynamic";
export const metadata = { title: "Jobs" };

export default async function JobsPage() {
  const loaded = await loadOrDescribe("jobs overview", async () =>
    getJobsOverview(await getPrisma(), { schedules: getConfig().JOB_SCHEDULES }),
  );
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Every ingest run: when, how it ended, what it wrote and what it cost in API calls. Runs started here are picked up by the worker."
      />
      <LoadedContent loaded={loaded}>{(data) => <JobsDashboard initial={data} />}</LoadedContent>
    </>
  );
}
