// The browser's side of the spend API (GET /api/spend/...): the response schemas (shared with the route
// handlers, lib/queries/spend/spend-schemas.ts) and the fetch that checks every answer before drawing.
import { z } from "zod";

export { reconciliationSchema, squadSpendSchema, squadsSpendSchema } from "@/lib/queries/spend/spend-schemas";
export type {
  Reconciliation as ReconciliationView,
  SquadSpend as SquadSpendView,
  SquadsSpend as SquadsSpendView,
} from "@/lib/queries/spend/spend-schemas";

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
