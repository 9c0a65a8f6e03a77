// The Cost Explorer ingest: decide the window (backfill, the trailing window that AWS still restates, or
// whole months stored before a usage group existed), list the accounts, then month by month fetch every
// planned request, take the usage groups out of their services' rows and replace that month atomically;
// last, Cost Explorer's own forecast (ingest-cost-forecast.ts), whose failure leaves the costs as stored.
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { todayUtc } from "../../format/dates";
import type { JobContext, JobWindow } from "../../jobs/job-definition";
import { usageType } from "./cost-explorer-payloads";
import { loadStoredCosts } from "./cost-months";
import { costWindow, monthChunks } from "./cost-window";
import { fetchCostRows, type CostRow } from "./fetch-cost-rows";
import { ingestCostForecast } from "./ingest-cost-forecast";
import { listDimensionValues } from "./list-dimension-values";
import { listLinkedAccounts } from "./list-linked-accounts";
import { planCostRequests, planUsageGroupRequests, type CostRequestPlan } from "./plan-cost-requests";
import { replaceCostWindow } from "./replace-cost-window";
import { splitUsageGroups } from "./split-usage-groups";
import { USAGE_GROUP_NAMES, USAGE_GROUPS, type UsageGroup } from "./usage-groups";

export interface CostExplorerIngestDeps {
  client: CostExplorerClient;
  today?: string;
}

async function fetchAll(client: CostExplorerClient, plans: CostRequestPlan[], signal: AbortSignal) {
  const rows: CostRow[] = [];
  for (const plan of plans) rows.push(...(await fetchCostRows(client, plan, signal)));
  return rows;
}

/** A usage group's usage types with spend in the window (Cost Explorer filters usage types by exact value). */
async function usageTypesOf(client: CostExplorerClient, group: UsageGroup, window: JobWindow, signal: AbortSignal) {
  const values = await listDimensionValues(
    client,
    window,
    {
      dimension: "USAGE_TYPE",
      value: usageType,
      searchString: group.usageTypeContains,
      filter: { Dimensions: { Key: "SERVICE", Values: [group.service] } },
      unavailableMeansNone: true,
    },
    signal,
  );
  // SearchString ignores case; the group is defined by the exact text.
  return values.map(({ value }) => value).filter((value) => value.includes(group.usageTypeContains));
}

async function fetchMonth(
  context: JobContext,
  client: CostExplorerClient,
  accountIds: string[],
  chunk: JobWindow,
): Promise<CostRow[]> {
  const serviceRows = await fetchAll(client, planCostRequests(accountIds, chunk), context.signal);
  const groupPlans: CostRequestPlan[] = [];
  for (const group of USAGE_GROUPS) {
    groupPlans.push(...planUsageGroupRequests(group, await usageTypesOf(client, group, chunk, context.signal), chunk));
  }
  const split = splitUsageGroups(serviceRows, await fetchAll(client, groupPlans, context.signal));
  if (split.unmatched.length) {
    const examples = split.unmatched.slice(0, 3).map((row) => `${row.day} ${row.accountId} ${row.usageGroup}`);
    context.log(
      `Cost Explorer: ${split.unmatched.length} usage-group row(s) in ${chunk.from}..${chunk.to} had no service row ` +
        `to come out of (left inside their service): ${examples.join(", ")}`,
    );
  }
  return split.rows;
}

export async function ingestCostExplorer(context: JobContext, deps: CostExplorerIngestDeps) {
  const { prisma, signal } = context;
  const today = deps.today ?? todayUtc();
  const stored = await loadStoredCosts(prisma, USAGE_GROUP_NAMES);
  const window = context.window ?? costWindow(today, stored);
  context.log(`Cost Explorer: fetching ${window.from} to ${window.to} (exclusive)`);
  if (!context.window && stored.oldestStaleMonth && window.from === stored.oldestStaleMonth) {
    context.log(
      `Cost Explorer: months from ${stored.oldestStaleMonth} were stored without today's usage groups ` +
        `(${USAGE_GROUP_NAMES.join(", ")}): fetching them again`,
    );
  }

  const accounts = await listLinkedAccounts(deps.client, window, signal);
  for (const account of accounts) {
    await prisma.cloudAccount.upsert({
      where: { id: account.id },
      create: { id: account.id, name: account.name },
      update: { name: account.name },
      select: { id: true },
    });
  }
  const accountIds = accounts.map((account) => account.id);
  const chunks = monthChunks(window);
  for (const [index, chunk] of chunks.entries()) {
    signal.throwIfAborted();
    const rows = await fetchMonth(context, deps.client, accountIds, chunk);
    signal.throwIfAborted();
    await replaceCostWindow(prisma, { window: chunk, rows, usageGroups: USAGE_GROUP_NAMES, jobRunId: context.runId });
    context.countRows(rows.length);
    context.progress(index + 1, chunks.length, `${chunk.from}..${chunk.to}`);
  }
  signal.throwIfAborted();
  context.countRows(await ingestCostForecast(context, deps.client, today));
}
