import { EmptyState } from "@/components/ui/empty-state";
import { recommendationTypeLabel, statusLabel } from "@/components/ui/labels";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsd } from "@/lib/format/money";
import { listOpenRecommendations } from "@/lib/queries/recommendation-list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Waste" };

export default async function WastePage() {
  const loaded = await loadOrDescribe("recommendation list", async () => listOpenRecommendations(await getPrisma()));
  return (
    <>
      <PageHeader title="Waste" description="Open recommendations, largest monthly saving first." />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState title="No open recommendations" command="npm run jobs -- run all">
            The waste detectors run after each ingest and list zombie instances, orphan volumes, idle replicas, NAT
            traffic, rightsizing and always-on non-production here, each with its evidence.
          </EmptyState>
        }
      >
        {(data) => (
          <Table caption="Open recommendations">
            <thead>
              <tr>
                <Th>Type</Th>
                <Th>Resource</Th>
                <Th>Squad</Th>
                <Th>Status</Th>
                <Th numeric>Monthly saving</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((item) => (
                <tr key={item.id}>
                  <Td>{recommendationTypeLabel[item.type] ?? item.type}</Td>
                  <Td>
                    <code className="text-xs">{item.resourceId}</code>
                  </Td>
                  <Td>{item.squad ?? "Unallocated"}</Td>
                  <Td>{statusLabel[item.status] ?? item.status}</Td>
                  <Td numeric>{formatUsd(item.monthlySaving)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedContent>
    </>
  );
}
