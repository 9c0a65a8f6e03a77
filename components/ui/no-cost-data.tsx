import { EmptyState } from "./empty-state";

/** The empty state of every page that needs ingested cost data. */
export function NoCostData() {
  return (
    <EmptyState title="No cost data yet" command="npm run jobs -- run all">
      CostLens shows what the ingest jobs have stored. Run them once to backfill Cost Explorer, OpenCost and the
      resource inventory (the demo does this on first start).
    </EmptyState>
  );
}
