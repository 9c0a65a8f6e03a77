import { NoCostData } from "@/components/ui/no-cost-data";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsdWhole } from "@/lib/format/money";
import { listReviewMonths } from "@/lib/queries/review-months";

export const dynamic = "force-dynamic";
export const metadata = { title: "Monthly review" };

export default async function ReviewPage() {
  const loaded = await loadOrDescribe("review months", async () => listReviewMonths(await getPrisma()));
  return (
    <>
      <PageHeader title="Monthly review" description="The month's story for the FinOps review: pick a month." />
      <LoadedContent loaded={loaded} isEmpty={(data) => data.length === 0} empty={<NoCostData />}>
        {(data) => (
          <Table caption="Months with cost data">
            <thead>
              <tr>
                <Th>Month</Th>
                <Th numeric>Days with data</Th>
                <Th numeric>Total (Cost Explorer)</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((month) => (
                <tr key={month.month}>
                  <Td>{month.month}</Td>
                  <Td numeric>{month.days}</Td>
                  <Td numeric>{formatUsdWhole(month.total)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </LoadedContent>
    </>
  );
}
