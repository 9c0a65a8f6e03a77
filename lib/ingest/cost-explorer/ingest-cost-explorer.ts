// The Cost Explorer ingest: decide the window (backfill, or the trailing window that AWS still restates),
// list the accounts, then month by month fetch every planned request and replace that month atomically;
// last, Cost Explorer's own forecast (ingest-cost-forecast.ts), whose failure leaves the costs as stored.
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { toIsoDay, todayUtc } from "../../format/dates";
import type { JobContext } from "../../jobs/job-definition";
import { costWindow, monthChunks } from "./cost-window";
import { fetchCostRows } from "./fetch-cost-rows";
import { ingestCostForecast } from "./ingest-cost-forecast";
import { listLinkedAccounts } from "./list-linked-accounts";
import { planCostRequests } from "./plan-cost-requests";
import { replaceCostWindow } from "./replace-cost-window";

export interface CostExplorerIngestDeps {
  client: CostExplorerClient;
  today?: string;
}

export async function ingestCostExplorer(context: JobContext, deps: CostExplorerIngestDeps) {
  const { prisma, signal } = context;
  const today = deps.today ?? todayUtc();
  const newest = await prisma.costDaily.aggregate({ _max: { day: true } });
  const window = context.window ?? costWindow(today, newest._max.day ? toIsoDay(newest._max.day) : null);
  context.log(`Cost Explorer: fetching ${window.from} to ${window.to} (exclusive)`);

  const accounts = await listLinkedAccounts(deps.client, window, signal);
  for (const account of accounts) {
    await prisma.cloudAccount.upsert({
      where: { id: account.id },
      create: { id: account.id, name: account.name },
      update: { name: account.name },
      select: { id: true },
    });
  }
  const chunks = monthChunks(window);
  for (const [index, chunk] of chunks.entries()) {
    signal.throwIfAborted();
    const rows = [];
    for (const plan of planCostRequests(
      accounts.map((account) => account.id),
      chunk,
    )) {
      rows.push(...(await fetchCostRows(deps.client, plan, signal)));
    }
    signal.throwIfAborted();
    await replaceCostWindow(prisma, chunk, rows, context.runId);
    context.countRows(rows.length);
    context.progress(index + 1, chunks.length, `${chunk.from}..${chunk.to}`);
  }
  signal.throwIfAborted();
  context.countRows(await ingestCostForecast(context, deps.client, today));
}
