import { EmptyState } from "@/components/ui/empty-state";
import { statusLabel } from "@/components/ui/labels";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import { formatUsd } from "@/lib/format/money";
import { listPullRequests } from "@/lib/queries/pull-request-list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Pull requests" };

export default async function PullRequestsPage() {
  const loaded = await loadOrDescribe("pull request list", async () => listPullRequests(await getPrisma()));
  return (
    <>
      <PageHeader
        title="Pull requests"
        description="Terraform pull requests opened from recommendations, with the saving each projects and, once merged, realises."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState title="No pull requests yet">
            Open a recommendation on the Waste page and choose “Open Terraform PR”: it appears here and is tracked until
            the saving shows up on the bill.
          </EmptyState>
        }
      >
        {(data) => (
          <Table caption="Terraform pull requests">
            <thead>
              <tr>
                <Th>Pull request</Th>
                <Th>State</Th>
                <Th>Author</Th>
                <Th>Opened</Th>
                <Th numeric>Projected / month</Th>
                <Th numeric>Realised / month</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((pr) => (
                <tr key={pr.id}>
                  <Td>
                    {pr.url ? (
                      <a className="text-brand-700 hover:underline dark:text-brand-100" href={pr.url}>
                        {pr.repo}#{pr.number} {pr.title}
                      </a>
                    ) : (
                      pr.title
                    )}
                  </Td>
                  <Td>{statusLabel[pr.state] ?? pr.state}</Td>
                  <Td>{pr.createdBy}</Td>
                  <Td>{formatDateTime(pr.createdAt)}</Td>
                  <Td numeric>{formatUsd(pr.projectedSaving)}</Td>
                  <Td numeric>{pr.realisedSaving ? formatUsd(pr.realisedSaving) : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedContent>
    </>
  );
}
