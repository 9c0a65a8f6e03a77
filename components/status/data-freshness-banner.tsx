// "Data as of <time>": shown above every page while an outside source (AWS, OpenCost, GitHub) is failing,
// so figures served from the stored data are never mistaken for live ones. Renders nothing while every
// source's latest run succeeded. Streams in on its own (Suspense) so it never holds up the page.
import Link from "next/link";
import { Suspense } from "react";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import { type DataFreshness, getDataFreshness } from "@/lib/queries/data-freshness";

/** The notice itself, from already-loaded freshness (tests render it directly). */
export function FreshnessNotice({ freshness }: { freshness: DataFreshness }) {
  if (freshness.failing.length === 0) return null;
  return (
    <section
      role="status"
      aria-labelledby="data-freshness-heading"
      className="mb-4 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 id="data-freshness-heading" className="font-semibold">
        {freshness.dataAsOf ? (
          <>
            Showing stored data as of{" "}
            <time dateTime={freshness.dataAsOf.toISOString()}>{formatDateTime(freshness.dataAsOf)}</time>
          </>
        ) : (
          "Some data has not been fetched yet"
        )}
      </h2>
      <ul className="mt-1 space-y-0.5">
        {freshness.failing.map((source) => (
          <li key={source.job}>
            {source.source}: the latest fetch failed at{" "}
            <time dateTime={source.failedAt!.toISOString()}>{formatDateTime(source.failedAt!)}</time>
            {source.lastSuccessAt ? (
              <>
                ; last fetched{" "}
                <time dateTime={source.lastSuccessAt.toISOString()}>{formatDateTime(source.lastSuccessAt)}</time>
              </>
            ) : (
              "; never fetched successfully"
            )}
            .
          </li>
        ))}
      </ul>
      <p className="mt-1">
        Figures stay available from what is stored.{" "}
        <Link href="/jobs" className="font-medium underline underline-offset-2">
          The Jobs page
        </Link>{" "}
        shows each failure and retries.
      </p>
    </section>
  );
}

async function LoadedFreshnessNotice() {
  const loaded = await loadOrDescribe("data freshness", async () => getDataFreshness(await getPrisma()));
  // An unreachable database is reported by the page itself and the header's health badge, not twice here.
  return loaded.ok ? <FreshnessNotice freshness={loaded.data} /> : null;
}

/** The banner for the app layout: `<DataFreshnessBanner />` above the page content. */
export function DataFreshnessBanner() {
  return (
    <Suspense fallback={null}>
      <LoadedFreshnessNotice />
    </Suspense>
  );
}
