// What a month's allocation was computed from, so a run recomputes only the months whose inputs changed.
// A month's inputs are the policy (settings, squads, rules, cluster billing: hashed whole, so a field added
// to any of them counts without touching this file) and the month's facts in cost_daily and
// namespace_cost_daily, summarised by one aggregate query per table: row count, amount total and newest
// ingested_at. Both ingests replace whole days (delete, then insert with a fresh ingested_at), so any
// restatement changes the count or the newest ingested_at; the total also catches an update in place.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { toIsoDay, type IsoDay } from "../format/dates";
import type { ClusterBilling, RuleRef, SquadRef } from "./allocation-types";

/**
 * Part of every policy fingerprint: raise it when allocate-day gives other rows for the same facts and
 * policy, so the next run recomputes every month with the new code.
 */
export const ALLOCATION_LOGIC_VERSION = 1;

export interface AllocationPolicy {
  settings: object;
  squads: readonly SquadRef[];
  rules: readonly RuleRef[];
  clusters: ReadonlyMap<string, ClusterBilling>;
}

export interface MonthInputs {
  /** sha256 of the policy the month was allocated under */
  policy: string;
  /** the month's fact signature, e.g. "cost_daily 812 rows 1234.5600000000 2026-11-20T00:50:00.000Z; ..." */
  facts: string;
}

export type RecomputeReason = "not allocated yet" | "policy changed" | "facts changed" | "facts gone";

export interface MonthDecision {
  /** the month's first day */
  month: IsoDay;
  reason: RecomputeReason;
  /** what to record once the month is rewritten; null: no facts left, the month's rows are removed */
  inputs: MonthInputs | null;
}

/** JSON with object keys sorted and Maps as sorted [key, value] pairs: equal values, equal text. */
export function stableJson(value: unknown): string {
  const normalise = (item: unknown): unknown => {
    if (item instanceof Map) {
      return [...item.entries()]
        .map(([key, entry]) => [String(key), normalise(entry)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    }
    if (Array.isArray(item)) return item.map(normalise);
    if (item !== null && typeof item === "object") {
      return Object.fromEntries(
        Object.keys(item)
          .sort()
          .map((key) => [key, normalise((item as Record<string, unknown>)[key])]),
      );
    }
    return item;
  };
  return JSON.stringify(normalise(value));
}

export function policyFingerprint(policy: AllocationPolicy): string {
  const material = stableJson({ version: ALLOCATION_LOGIC_VERSION, ...policy });
  return createHash("sha256").update(material).digest("hex");
}

const storedInputsSchema = z.object({ policy: z.string().min(1), facts: z.string().min(1) });

export function serializeInputs(inputs: MonthInputs): string {
  return JSON.stringify({ policy: inputs.policy, facts: inputs.facts });
}

/** The stored inputs, or null when the text is not ours (then the month is recomputed). */
export function parseInputs(text: string): MonthInputs | null {
  try {
    const parsed = storedInputsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface SignatureRow {
  month: Date;
  rows: bigint;
  amount: string;
  ingested: Date;
}

const signature = (table: string, row: SignatureRow | undefined) =>
  row ? `${table} ${row.rows} rows ${row.amount} ${row.ingested.toISOString()}` : `${table} none`;

/** Every month with Cost Explorer facts (the months allocation covers) and its fact signature. */
export async function loadFactSignatures(prisma: PrismaClient): Promise<Map<IsoDay, string>> {
  const [costs, namespaces] = await Promise.all([
    prisma.$queryRaw<SignatureRow[]>`
      SELECT date_trunc('month', day::timestamp)::date AS month, COUNT(*) AS rows,
             SUM(unblended_cost)::text AS amount, MAX(ingested_at) AS ingested
      FROM cost_daily GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<SignatureRow[]>`
      SELECT date_trunc('month', day::timestamp)::date AS month, COUNT(*) AS rows,
             SUM(total_cost)::text AS amount, MAX(ingested_at) AS ingested
      FROM namespace_cost_daily GROUP BY 1 ORDER BY 1`,
  ]);
  const namespacesByMonth = new Map(namespaces.map((row) => [toIsoDay(row.month), row]));
  return new Map(
    costs.map((row) => {
      const month = toIsoDay(row.month);
      return [
        month,
        `${signature("cost_daily", row)}; ${signature("namespace_cost_daily", namespacesByMonth.get(month))}`,
      ];
    }),
  );
}

/**
 * What the last runs recorded: each month's stored inputs (null when unreadable), and every month that has
 * allocated days (bill_daily is written with the allocated rows, one row a day: a cheap index of them).
 */
export async function loadRecordedMonths(
  prisma: PrismaClient,
): Promise<{ stored: Map<IsoDay, MonthInputs | null>; allocated: Set<IsoDay> }> {
  const [records, allocated] = await Promise.all([
    prisma.allocationMonth.findMany({ select: { month: true, inputs: true } }),
    prisma.$queryRaw<Array<{ month: Date }>>`
      SELECT DISTINCT date_trunc('month', day::timestamp)::date AS month FROM bill_daily`,
  ]);
  return {
    stored: new Map(records.map((record) => [toIsoDay(record.month), parseInputs(record.inputs)])),
    allocated: new Set(allocated.map((row) => toIsoDay(row.month))),
  };
}

/** Each month's inputs now: the policy fingerprint with its fact signature. */
export function currentInputs(policy: string, facts: ReadonlyMap<IsoDay, string>): Map<IsoDay, MonthInputs> {
  return new Map([...facts].map(([month, signature]) => [month, { policy, facts: signature }]));
}

/**
 * The months a run must rewrite, oldest first: a month with facts whose recorded inputs differ from its
 * current ones (or that has none), and a month with allocated rows or a record but no facts any more,
 * whose rows must go (a full recompute removed them by replacing the whole window).
 */
export function monthsToRecompute(
  current: ReadonlyMap<IsoDay, MonthInputs>,
  stored: ReadonlyMap<IsoDay, MonthInputs | null>,
  allocated: ReadonlySet<IsoDay>,
): MonthDecision[] {
  const decisions: MonthDecision[] = [];
  for (const [month, inputs] of current) {
    const recorded = stored.get(month);
    const reason: RecomputeReason | null = !recorded
      ? "not allocated yet"
      : recorded.policy !== inputs.policy
        ? "policy changed"
        : recorded.facts !== inputs.facts
          ? "facts changed"
          : null;
    if (reason) decisions.push({ month, reason, inputs });
  }
  for (const month of new Set([...stored.keys(), ...allocated])) {
    if (!current.has(month)) decisions.push({ month, reason: "facts gone", inputs: null });
  }
  return decisions.sort((a, b) => a.month.localeCompare(b.month));
}

/** "policy changed: 2025-11..2026-11 (13); facts changed in 2026-11", or "nothing changed in 13 month(s)". */
export function describeDecisions(decisions: readonly MonthDecision[], monthsWithFacts: number): string {
  if (decisions.length === 0) return `nothing changed in ${monthsWithFacts} month(s)`;
  const byReason = new Map<RecomputeReason, string[]>();
  for (const { month, reason } of decisions) byReason.set(reason, [...(byReason.get(reason) ?? []), month.slice(0, 7)]);
  return [...byReason]
    .map(([reason, months]) => {
      if (reason === "policy changed" || reason === "not allocated yet") {
        const span = months.length === 1 ? months[0] : `${months[0]}..${months.at(-1)} (${months.length})`;
        return `${reason}: ${span}`;
      }
      return `${reason} in ${months.join(", ")}`;
    })
    .join("; ");
}
