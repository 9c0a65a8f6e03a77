import { rangeFromSearch } from "@/components/charts/date-range";
import { SquadsSpendViewer } from "@/components/spend/squads-spend-view";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { addDays } from "@/lib/format/dates";
import { getLatestSpendWindow } from "@/lib/queries/daily-spend";
import { getSquadsSpend } from "@/lib/queries/spend/get-squads-spend";

export const dynamic = "force-dynamic";
export const metadata = { title: "Squads" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SquadsPage({ searchParams }: Props) {
  const search = await searchParams;
  const loaded = await loadOrDescribe("squad list", async () => {
    const prisma = await getPrisma();
    const window = await getLatestSpendWindow(prisma, 30);
    if (!window) return null;
    const spend = await getSquadsSpend(prisma, rangeFromSearch(search, window));
    return { spend, latestDay: addDays(window.to, -1) };
  });
  return (
    <>
      <PageHeader
        title="Squads"
        description="Each squad's allocated spend against the period before, beside the bill and what nobody owns. Open a squad for its daily spend."
      />
      <LoadedContent
        loaded={loaded}
        isEmpty={(data) => !data || data.spend.squads.length === 0}
        empty={
          <EmptyState title="No squads yet" command="npm run jobs -- run all">
            Squads come from the `team` tags in your cost data and from the ownership rules on the Settings page.
          </EmptyState>
        }
      >
        {(data) => <SquadsSpendViewer initial={data.spend} latestDay={data.latestDay} />}
      </LoadedContent>
    </>
  );
}
