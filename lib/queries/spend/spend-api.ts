// The spend API behind the route handlers: query string in, a result or a safe error out. Route handlers
// stay thin (call one of these, parse the data with its schema, answer); bad input is a 400 whose message
// names the parameter, an unknown squad a 404.
import type { PrismaClient } from "../../db/generated/client";
import { getReconciliation } from "./get-reconciliation";
import { getSquadSpend } from "./get-squad-spend";
import { getSquadsSpend } from "./get-squads-spend";
import type { Reconciliation, SquadSpend, SquadsSpend } from "./spend-schemas";
import {
  describeParamsError,
  resolveSpendWindow,
  searchParamsObject,
  spendWindowQuerySchema,
  SpendParamsError,
  squadSlugSchema,
  squadSpendQuerySchema,
} from "./spend-params";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: 400 | 404; error: string };

async function withWindow<T>(work: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof SpendParamsError) return { ok: false, status: 400, error: error.message };
    throw error;
  }
}

export async function squadsSpendApi(prisma: PrismaClient, params: URLSearchParams): Promise<ApiResult<SquadsSpend>> {
  const query = spendWindowQuerySchema.safeParse(searchParamsObject(params));
  if (!query.success) return { ok: false, status: 400, error: describeParamsError(query.error) };
  return withWindow(async () => getSquadsSpend(prisma, await resolveSpendWindow(prisma, query.data)));
}

export async function squadSpendApi(
  prisma: PrismaClient,
  slug: string,
  params: URLSearchParams,
): Promise<ApiResult<SquadSpend>> {
  const parsedSlug = squadSlugSchema.safeParse(slug);
  if (!parsedSlug.success) return { ok: false, status: 400, error: describeParamsError(parsedSlug.error) };
  const query = squadSpendQuerySchema.safeParse(searchParamsObject(params));
  if (!query.success) return { ok: false, status: 400, error: describeParamsError(query.error) };
  const result = await withWindow(async () =>
    getSquadSpend(prisma, parsedSlug.data, {
      ...(await resolveSpendWindow(prisma, query.data)),
      groupBy: query.data.groupBy,
    }),
  );
  if (result.ok && result.data === null) return { ok: false, status: 404, error: "No such squad" };
  return result as ApiResult<SquadSpend>;
}

export async function reconciliationApi(
  prisma: PrismaClient,
  params: URLSearchParams,
): Promise<ApiResult<Reconciliation>> {
  const query = spendWindowQuerySchema.safeParse(searchParamsObject(params));
  if (!query.success) return { ok: false, status: 400, error: describeParamsError(query.error) };
  return withWindow(async () => getReconciliation(prisma, await resolveSpendWindow(prisma, query.data)));
}
