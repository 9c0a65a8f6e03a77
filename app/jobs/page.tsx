import { EmptyState } from "@/components/ui/empty-state";
import { statusLabel } from "@/components/ui/labels";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import { listJobRuns } from "@/lib/queries/job-runs";

export const dynamic = "force-dynamic";
export const metadata = { title: "Jobs" };

export default async function JobsPage() {
  const loaded = await loadOrDescribe("job runs", async () => listJobRuns(await getPrisma()));
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Every ingest and detection run: when, how it ended, what it wrote and what it cost in API calls."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => data.length === 0}
        empty={<EmptyState title="No job has run yet" command="npm run jobs -- run all" />}
      >
        {(data) => (
          <Table caption="Recent job runs">
            <thead>
              <tr>
                <Th>Job</Th>
                <Th>Status</Th>
                <Th>Trigger</Th>
                <Th>Started</Th>
                <Th numeric>Rows</Th>
                <Th numeric>API requests</Th>
                <Th>Error</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((run) => (
                <tr key={run.id}>
                  <Td>{run.job}</Td>
                  <Td>{statusLabel[run.status] ?? run.status}</Td>
                  <Td>{run.trigger}</Td>
                  <Td>{formatDateTime(run.startedAt)}</Td>
                  <Td numeric>{run.rowsWritten.toLocaleString("en-US")}</Td>
                  <Td numeric>{run.apiRequests.toLocaleString("en-US")}</Td>
                  <Td>{run.error ? <span className="text-red-700 dark:text-red-300">{run.error}</span> : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedContent>
    </>
  );
}
