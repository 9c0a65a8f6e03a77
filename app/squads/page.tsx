import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsd } from "@/lib/format/money";
import { getLatestSpendWindow } from "@/lib/queries/daily-spend";
import { listSquads } from "@/lib/queries/squad-list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Squads" };

export default async function SquadsPage() {
  const loaded = await loadOrDescribe("squad list", async () => {
    const prisma = await getPrisma();
    return listSquads(prisma, await getLatestSpendWindow(prisma, 30));
  });
  return (
    <>
      <PageHeader
        title="Squads"
        description="Each squad's spend over the last 30 days of cost data, by its team tag."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState title="No squads yet" command="npm run jobs -- run all">
            Squads come from the `team` tags in your cost data and from the ownership rules on the Settings page.
          </EmptyState>
        }
      >
        {(data) => (
          <Table caption="Squads and their tagged spend">
            <thead>
              <tr>
                <Th>Squad</Th>
                <Th>Cost centre</Th>
                <Th numeric>Tagged spend, 30 days</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((squad) => (
                <tr key={squad.slug}>
                  <Td>
                    <span className="font-medium">{squad.name}</span>
                  </Td>
                  <Td>{squad.costCentre ?? "—"}</Td>
                  <Td numeric>{formatUsd(squad.taggedSpend)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedContent>
    </>
  );
}
