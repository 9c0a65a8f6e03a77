import { Decimal } from "@/lib/db/decimal";
import { formatUsd, formatUsdWhole } from "@/lib/format/money";
import type { MonthlyReview } from "@/lib/review/load-review";
import { describeCoverage } from "@/lib/review/month-coverage";
import { monthLabel } from "@/lib/review/review-month";
import { recommendationTypeLabel } from "@/lib/format/recommendation-labels";
import { formatRatio, reviewTable } from "@/lib/review/review-tables";
import { ReviewBarChart } from "./review-bar-chart";
import { ReviewDailyChart } from "./review-daily-chart";
import { ReviewDeck } from "./review-deck";
import { ReviewSlide, SlideEmpty, SlideFigure } from "./review-slide";
import { ReviewTableView } from "./review-table-view";

const signed = (amount: string) => `${new Decimal(amount).greaterThan(0) ? "+" : ""}${formatUsdWhole(amount)}`;
const percent = (fraction: string) => `${new Decimal(fraction).times(100).toDecimalPlaces(1).toFixed(1)}%`;

function upOrDown(change: string, ratio: string | null, previousName: string): string {
  const value = new Decimal(change);
  if (value.isZero()) return `level with ${previousName}`;
  return `${value.isPositive() ? "up" : "down"} ${formatUsdWhole(value.abs().toFixed())}${ratio === null ? "" : ` (${formatRatio(ratio)})`} on ${previousName}`;
}

/** The month's story as slides, each with the presenter's notes. */
export function ReviewSlides({ review }: { review: MonthlyReview }) {
  const month = review.month.month;
  const name = monthLabel(month);
  const previousName = monthLabel(review.previous.month);
  const partial = describeCoverage(review.coverage);
  const previousPartial = review.previousCoverage.status !== "complete";
  const squadName = (slug: string) => review.squadNames[slug] ?? slug;
  const tables = {
    squads: reviewTable(review, "squads"),
    movers: reviewTable(review, "movers"),
    rules: reviewTable(review, "allocation-rules"),
    accounts: reviewTable(review, "unallocated-accounts"),
    wasteByType: reviewTable(review, "waste-by-type"),
    wasteBySquad: reviewTable(review, "waste-by-squad"),
    pullRequests: reviewTable(review, "pull-requests"),
    leaderboard: reviewTable(review, "leaderboard"),
  };
  const totalLine = `${formatUsdWhole(review.total.current)}, ${upOrDown(review.total.change, review.total.ratio, previousName)}`;
  const forecastLine =
    review.forecast.source === "cost-explorer"
      ? `Cost Explorer forecast ${formatUsdWhole(review.forecast.forecast.mean)} (made ${review.forecast.forecast.asOf}); actual ${signed(review.forecast.versusActual.change)} against it`
      : "No Cost Explorer forecast was recorded at the start of the month";
  const next = review.nextForecast;
  const nextAmount = next.source === "cost-explorer" ? next.forecast.mean : next.amount;
  const nextSource =
    next.source === "cost-explorer"
      ? `Cost Explorer's forecast, made ${next.forecast.asOf}`
      : `CostLens trend: a straight line fitted to the ${next.trendDays} days ending ${next.lastDay}`;
  const topMover = review.movers[0];
  const foundSince =
    review.waste.foundSince.findings > 0 ? (
      <SlideFigure
        label={`Found since the end of ${name}`}
        value={formatUsdWhole(review.waste.foundSince.monthlySaving)}
        detail={`a month, in ${review.waste.foundSince.findings} findings detected later: next month's story`}
      />
    ) : null;
  const allocatedShort = review.owners.allocatedDays < review.coverage.daysWithData;

  const slides = [
    {
      id: "cover",
      title: `FinOps review: ${name}`,
      notes: `${name} cost ${totalLine}. ${forecastLine}. ${review.waste.findings} waste findings worth ${formatUsdWhole(review.waste.monthlySaving)} a month; ${formatUsdWhole(review.savings.realisedThisMonth)} a month realised this month.`,
      content: (
        <div className="grid grid-cols-2 gap-[1em] lg:grid-cols-4">
          <SlideFigure
            label={`Spend in ${name}`}
            value={formatUsdWhole(review.total.current)}
            detail={upOrDown(review.total.change, review.total.ratio, previousName)}
          />
          <SlideFigure
            label="Owned by squads"
            value={percent(review.tagCoverage.ownedShare)}
            detail={`${formatUsdWhole(review.owners.unallocated)} unallocated`}
          />
          <SlideFigure
            label="Waste found (monthly)"
            value={formatUsdWhole(review.waste.monthlySaving)}
            detail={`${review.waste.findings} findings`}
          />
          <SlideFigure
            label="Savings realised this month"
            value={formatUsdWhole(review.savings.realisedThisMonth)}
            detail={`${formatUsdWhole(review.savings.cumulativeRealised)} a month in total`}
          />
        </div>
      ),
    },
    {
      id: "total",
      title: "Total spend",
      subtitle: `Cost Explorer's bill for ${name}, against ${previousName} and the forecast`,
      notes: `${totalLine}.${previousPartial ? ` ${previousName} itself is incomplete, so the comparison is partial.` : ""} ${forecastLine}.`,
      content: (
        <>
          <div className="grid grid-cols-1 gap-[1em] md:grid-cols-3">
            <SlideFigure
              label={name}
              value={formatUsd(review.total.current)}
              detail={`${review.coverage.daysWithData} of ${review.coverage.daysInMonth} days`}
            />
            <SlideFigure
              label={`vs ${previousName}`}
              value={review.total.ratio === null ? "no data" : formatRatio(review.total.ratio)}
              detail={`${formatUsd(review.total.previous)}${previousPartial ? " (incomplete month)" : ""}`}
            />
            {review.forecast.source === "cost-explorer" ? (
              <SlideFigure
                label="vs forecast"
                value={formatRatio(review.forecast.versusActual.ratio)}
                detail={`Cost Explorer forecast ${formatUsd(review.forecast.forecast.mean)}, made ${review.forecast.forecast.asOf}`}
              />
            ) : (
              <SlideFigure label="vs forecast" value="—" detail="No forecast recorded at the start of the month" />
            )}
          </div>
          <ReviewDailyChart points={review.daily} label={`Daily spend, ${name}`} />
        </>
      ),
    },
    {
      id: "squads",
      title: "Spend by squad",
      subtitle: `Allocated spend in ${name}, change on ${previousName}`,
      notes:
        review.squads.length > 0
          ? `${review.squads.length} squads. Largest: ${review.squads[0]!.name} at ${formatUsdWhole(review.squads[0]!.current)} (${formatRatio(review.squads[0]!.ratio)}). Shared ${formatUsdWhole(review.owners.shared)}, idle ${formatUsdWhole(review.owners.idle)}, unallocated ${formatUsdWhole(review.owners.unallocated)}.`
          : "Allocation has not given any spend of this month to a squad yet.",
      content:
        review.squads.length === 0 ? (
          <SlideEmpty>No spend of {name} is allocated to a squad yet: run the allocation job.</SlideEmpty>
        ) : (
          <div className="grid grid-cols-1 gap-[1em] xl:grid-cols-[2fr_3fr] print:grid-cols-2">
            <ReviewBarChart
              title={`Spend by squad, ${name}`}
              header={["Squad", name, previousName, "Change"]}
              fileName={["review", month, "squads-chart"]}
              bars={review.squads.map((squad) => ({
                key: squad.slug,
                label: squad.name,
                amount: squad.current,
                detail: formatRatio(squad.ratio),
                amounts: [squad.current, squad.previous, squad.change],
              }))}
            />
            <ReviewTableView month={month} table={tables.squads} empty="No squad spend." />
          </div>
        ),
    },
    {
      id: "movers",
      title: "Top movers",
      subtitle: "The squads whose spend changed most, and what drove it",
      notes: topMover
        ? `${topMover.name} moved most: ${signed(topMover.change)} (${formatRatio(topMover.ratio)})${topMover.driver ? `, driven by ${topMover.driver.kind} ${topMover.driver.key} (${signed(topMover.driver.change)})` : ""}.`
        : "No squad's spend changed month over month.",
      content: (
        <ReviewTableView
          month={month}
          table={tables.movers}
          empty={`No squad's spend changed between ${previousName} and ${name}.`}
        />
      ),
    },
    {
      id: "coverage",
      title: "Tag coverage and unallocated spend",
      subtitle: "How much of the bill has an owner, and by which rule",
      notes: `${percent(review.tagCoverage.ownedShare)} of ${name}'s spend is owned by squads. ${formatUsdWhole(review.owners.unallocated)} matched no rule; the accounts below are the ones to chase.${allocatedShort ? ` Allocation has run over ${review.owners.allocatedDays} of the ${review.coverage.daysWithData} days with cost data.` : ""}`,
      content: (
        <>
          <div className="grid grid-cols-2 gap-[1em] lg:grid-cols-4">
            <SlideFigure label="Owned by squads" value={percent(review.tagCoverage.ownedShare)} />
            <SlideFigure label="Unallocated" value={formatUsdWhole(review.owners.unallocated)} />
            <SlideFigure label="Shared" value={formatUsdWhole(review.owners.shared)} />
            <SlideFigure label="Cluster idle" value={formatUsdWhole(review.owners.idle)} />
          </div>
          {allocatedShort ? (
            <p role="note" className="text-[0.9em] font-medium text-amber-900 dark:text-amber-200">
              Allocation has run over {review.owners.allocatedDays} of the {review.coverage.daysWithData} days with cost
              data.
            </p>
          ) : null}
          <div className="grid grid-cols-1 gap-[1em] lg:grid-cols-2 print:grid-cols-2">
            <ReviewTableView month={month} table={tables.rules} empty="Allocation has not run over this month." />
            <ReviewTableView month={month} table={tables.accounts} empty="Every dollar found an owner." />
          </div>
        </>
      ),
    },
    {
      id: "waste",
      title: "Waste found",
      subtitle: `Findings detected by the end of ${name}, each resource counted once`,
      notes:
        (review.waste.findings > 0
          ? `${review.waste.findings} findings (${review.waste.newThisMonth} new in ${name}) worth ${formatUsdWhole(review.waste.monthlySaving)} a month. Largest type: ${recommendationTypeLabel[review.waste.byType[0]!.key] ?? review.waste.byType[0]!.key}.`
          : `No waste had been detected by the end of ${name}.`) +
        (review.waste.foundSince.findings > 0
          ? ` Since then, ${review.waste.foundSince.findings} more findings worth ${formatUsdWhole(review.waste.foundSince.monthlySaving)} a month.`
          : ""),
      content: (
        <>
          {review.waste.findings === 0 ? (
            <SlideEmpty>No waste had been detected by the end of {name}.</SlideEmpty>
          ) : (
            <div className="grid grid-cols-1 gap-[1em] xl:grid-cols-2 print:grid-cols-2">
              <ReviewBarChart
                title="Monthly saving by type"
                header={["Type", "Monthly saving"]}
                fileName={["review", month, "waste-by-type-chart"]}
                bars={review.waste.byType.map((row) => ({
                  key: row.key,
                  label: recommendationTypeLabel[row.key] ?? row.key,
                  amount: row.monthlySaving,
                  detail: `${row.findings} found`,
                  amounts: [row.monthlySaving],
                }))}
              />
              <ReviewTableView month={month} table={tables.wasteBySquad} empty="No findings." maxRows={12} />
            </div>
          )}
          {review.waste.findings === 0 ? foundSince : null}
        </>
      ),
    },
    {
      id: "savings",
      title: "Pull requests and savings realised",
      subtitle: "Terraform pull requests merged, and the savings measured after the merge",
      notes: `${review.savings.mergedCount} pull requests merged in ${name} (projected ${formatUsdWhole(review.savings.mergedProjectedSaving)} a month). ${formatUsdWhole(review.savings.realisedThisMonth)} a month realised in ${name}; ${formatUsdWhole(review.savings.cumulativeRealised)} a month realised since the start.`,
      content: (
        <>
          <div className="grid grid-cols-1 gap-[1em] md:grid-cols-3">
            <SlideFigure
              label="Merged this month"
              value={String(review.savings.mergedCount)}
              detail={`projected ${formatUsdWhole(review.savings.mergedProjectedSaving)} a month`}
            />
            <SlideFigure
              label="Realised this month"
              value={formatUsdWhole(review.savings.realisedThisMonth)}
              detail={`${review.savings.realisedThisMonthCount} pull requests measured`}
            />
            <SlideFigure
              label="Realised since the start"
              value={formatUsdWhole(review.savings.cumulativeRealised)}
              detail={`a month, from ${review.savings.cumulativeRealisedCount} pull requests`}
            />
          </div>
          <ReviewTableView
            month={month}
            table={tables.pullRequests}
            empty={`No pull requests were merged in ${name}.`}
            maxRows={10}
          />
        </>
      ),
    },
    {
      id: "leaderboard",
      title: "Clean-up leaderboard",
      subtitle: `Who cleaned up in ${name}, and what each squad still has open`,
      notes:
        review.leaderboard.length > 0
          ? `${squadName(review.leaderboard[0]!.squad)} leads with ${review.leaderboard[0]!.cleanedUp} findings cleaned up. Open at month end: ${review.leaderboard.reduce((sum, row) => sum + row.open, 0)} findings.`
          : "No squad had findings to clean up.",
      content: (
        <ReviewTableView
          month={month}
          table={tables.leaderboard}
          empty="No squad had findings open or cleaned up this month."
          maxRows={12}
        />
      ),
    },
    {
      id: "next",
      title: `Next month: ${monthLabel(next.month.month)}`,
      subtitle: nextSource,
      notes: `${monthLabel(next.month.month)} is expected to cost ${formatUsdWhole(nextAmount)} (${next.source === "cost-explorer" ? "Cost Explorer's forecast" : "our own trend, as Cost Explorer's forecast was not stored"}).`,
      content: (
        <div className="grid grid-cols-1 gap-[1em] xl:grid-cols-2 print:grid-cols-2">
          <div className="grid grid-cols-1 gap-[1em]">
            <SlideFigure
              label={`Forecast for ${monthLabel(next.month.month)}`}
              value={formatUsdWhole(nextAmount)}
              detail={
                next.source === "cost-explorer"
                  ? "Cost Explorer forecast"
                  : "CostLens trend forecast (no Cost Explorer forecast stored)"
              }
            />
            {next.source === "cost-explorer" && next.forecast.lower && next.forecast.upper ? (
              <SlideFigure
                label={`${next.forecast.predictionIntervalLevel ?? 80}% prediction interval`}
                value={`${formatUsdWhole(next.forecast.lower)} – ${formatUsdWhole(next.forecast.upper)}`}
              />
            ) : null}
          </div>
          <ReviewBarChart
            title={`${name} and the forecast for ${monthLabel(next.month.month)}`}
            header={["Month", "Amount"]}
            fileName={["review", month, "next-month-chart"]}
            bars={[
              {
                key: "previous",
                label: previousName,
                amount: review.total.previous,
                amounts: [review.total.previous],
                colourKey: "shared",
              },
              { key: "current", label: name, amount: review.total.current, amounts: [review.total.current] },
              {
                key: "next",
                label: `${monthLabel(next.month.month)} (forecast)`,
                amount: nextAmount,
                amounts: [nextAmount],
                colourKey: "unallocated",
              },
            ]}
          />
        </div>
      ),
    },
  ];
  return (
    <ReviewDeck titles={slides.map((slide) => slide.title)}>
      {slides.map((slide, index) => (
        <ReviewSlide
          key={slide.id}
          id={slide.id}
          number={index + 1}
          title={slide.title}
          subtitle={slide.subtitle}
          partialNote={partial}
          notes={slide.notes}
        >
          {slide.content}
        </ReviewSlide>
      ))}
    </ReviewDeck>
  );
}
