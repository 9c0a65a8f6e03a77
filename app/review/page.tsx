import Link from "next/link";
import { NoCostData } from "@/components/ui/no-cost-data";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatUsdWhole } from "@/lib/format/money";
import { listReviewMonths } from "@/lib/queries/review-months";
import { monthLabel } from "@/lib/review/review-month";

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
                <Th>Data</Th>
                <Th numeric>Days with data</Th>
                <Th numeric>Total (Cost Explorer)</Th>
              </tr>
            </thead>
            <tbody>
              {data.map((month) => (
                <tr key={month.month}>
                  <Td>
                    <Link
                      href={`/review/${month.month}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                    >
                      {monthLabel(month.month)}
                    </Link>
                  </Td>
                  <Td>
                    {month.partial ? (
                      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                        Partial
                      </span>
                    ) : (
                      <span className="text-xs text-slate-600 dark:text-slate-400">Complete</span>
                    )}
                  </Td>
                  <Td numeric>
                    {month.days} / {month.daysInMonth}
                  </Td>
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
