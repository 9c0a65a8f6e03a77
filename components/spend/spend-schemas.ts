// The JSON the spend API answers (GET /api/spend/...), as the browser checks it before drawing: amounts are
// exact decimal strings, days ISO, `to` exclusive.
import { z } from "zod";

const amount = z.string().regex(/^-?\d+(\.\d+)?$/, "an exact decimal amount");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const squadSpendSchema = z.object({
  squad: z.object({ slug: z.string(), name: z.string(), costCentre: z.string().nullable() }),
  from: day,
  to: day,
  total: amount,
  previousTotal: amount,
  days: z.array(z.object({ day, total: amount, groups: z.record(z.string(), amount) })),
  groups: z.array(z.object({ key: z.string(), total: amount })),
});
export type SquadSpendView = z.infer<typeof squadSpendSchema>;

export const squadsSpendSchema = z.object({
  from: day,
  to: day,
  bill: amount,
  squads: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      total: amount,
      previousTotal: amount,
      change: z.string().nullable(),
    }),
  ),
  shared: amount,
  idle: amount,
  unallocated: amount,
});
export type SquadsSpendView = z.infer<typeof squadsSpendSchema>;

export const reconciliationSchema = z.object({
  days: z.array(
    z.object({
      day,
      bill: amount,
      allocated: amount,
      shared: amount,
      idle: amount,
      unallocated: amount,
      difference: amount,
    }),
  ),
});
export type ReconciliationView = z.infer<typeof reconciliationSchema>;

export type GroupBy = "namespace" | "service";
export const groupByChoices = ["namespace", "service"] as const satisfies readonly GroupBy[];

/** Fetches one spend API route and checks its answer; a failure says what failed, with the server's words. */
export async function fetchSpend<T>(url: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    let detail = "";
    try {
      const body = (await response.json()) as { error?: unknown };
      if (typeof body.error === "string") detail = `: ${body.error}`;
      else if (typeof body.error === "object" && body.error !== null && "title" in body.error) {
        const problem = body.error as { title?: unknown; hint?: unknown };
        detail = `: ${String(problem.title)}. ${String(problem.hint ?? "")}`.trimEnd();
      }
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(`${what} could not be loaded (HTTP ${response.status})${detail}`);
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${what} came back in an unexpected shape`);
  return parsed.data;
}

export function spendQuery(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}
