// Read models of the recommendations: the keyset-paginated list (largest saving first), one recommendation
// with its evidence, resource and owner, and the waste summary (each resource counted once).
import { z } from "zod";
import { Decimal } from "../db/decimal";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { RecommendationStatus, RecommendationType } from "../db/generated/enums";
import { evidenceSchema } from "../waste/evidence";
import { RecommendationError } from "../waste/recommendation-errors";
import { resourceKey, totalSavings } from "../waste/total-savings";

export interface ListRecommendationsInput {
  type?: RecommendationType;
  squad?: string;
  status?: RecommendationStatus;
  limit?: number;
  cursor?: string;
}

export interface RecommendationListItem {
  id: string;
  type: RecommendationType;
  resourceId: string;
  accountId: string;
  region: string;
  squad: string | null;
  status: RecommendationStatus;
  monthlySaving: string;
  currentMonthlyCost: string;
  projectedMonthlyCost: string;
  terraformAddress: string | null;
  detectedAt: string;
}

const cursorSchema = z.object({ s: z.string().regex(/^-?\d+(\.\d+)?$/), i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function encodeCursor(saving: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: saving, i: id })).toString("base64url");
}

export function decodeCursor(cursor: string): { saving: string; id: string } {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { saving: parsed.s, id: parsed.i };
  } catch {
    throw new RecommendationError("INVALID", "The cursor is not one this API gave out");
  }
}

const listSelect = {
  id: true,
  type: true,
  resourceId: true,
  accountId: true,
  region: true,
  status: true,
  monthlySaving: true,
  currentMonthlyCost: true,
  projectedMonthlyCost: true,
  terraformAddress: true,
  detectedAt: true,
  squad: { select: { slug: true } },
} satisfies Prisma.RecommendationSelect;

type ListRow = Prisma.RecommendationGetPayload<{ select: typeof listSelect }>;

function toItem(row: ListRow): RecommendationListItem {
  return {
    id: row.id,
    type: row.type,
    resourceId: row.resourceId,
    accountId: row.accountId,
    region: row.region,
    squad: row.squad?.slug ?? null,
    status: row.status,
    monthlySaving: row.monthlySaving.toFixed(),
    currentMonthlyCost: row.currentMonthlyCost.toFixed(),
    projectedMonthlyCost: row.projectedMonthlyCost.toFixed(),
    terraformAddress: row.terraformAddress,
    detectedAt: row.detectedAt.toISOString(),
  };
}

export async function listRecommendations(
  prisma: PrismaClient,
  input: ListRecommendationsInput = {},
): Promise<{ items: RecommendationListItem[]; nextCursor: string | null }> {
  const limit = Math.min(200, Math.max(1, Math.trunc(input.limit ?? 50)));
  const where: Prisma.RecommendationWhereInput[] = [];
  if (input.type) where.push({ type: input.type });
  if (input.status) where.push({ status: input.status });
  if (input.squad) where.push({ squad: { slug: input.squad } });
  if (input.cursor) {
    const { saving, id } = decodeCursor(input.cursor);
    const after = new Decimal(saving);
    where.push({ OR: [{ monthlySaving: { lt: after } }, { monthlySaving: after, id: { gt: id } }] });
  }
  const rows = await prisma.recommendation.findMany({
    where: { AND: where },
    select: listSelect,
    orderBy: [{ monthlySaving: "desc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.monthlySaving.toFixed(), last.id) : null,
  };
}

export async function getRecommendation(prisma: PrismaClient, id: string) {
  const row = await prisma.recommendation.findUnique({
    where: { id },
    select: {
      ...listSelect,
      evidence: true,
      evidenceHash: true,
      dismissedReason: true,
      dismissedBy: true,
      updatedAt: true,
      resolvedAt: true,
      squad: { select: { slug: true, name: true } },
      resource: {
        select: {
          kind: true,
          name: true,
          state: true,
          sizeType: true,
          tags: true,
          teamTag: true,
          environmentTag: true,
          goneOn: true,
        },
      },
    },
  });
  if (!row) return null;
  const evidence = evidenceSchema.safeParse(row.evidence);
  const tags = (row.resource?.tags ?? {}) as Record<string, string>;
  return {
    ...toItem(row),
    squadName: row.squad?.name ?? null,
    evidence: evidence.success ? evidence.data : null,
    dismissedReason: row.dismissedReason,
    dismissedBy: row.dismissedBy,
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resource: row.resource
      ? {
          kind: row.resource.kind,
          name: row.resource.name,
          state: row.resource.state,
          sizeType: row.resource.sizeType,
          teamTag: row.resource.teamTag,
          environmentTag: row.resource.environmentTag,
          goneOn: row.resource.goneOn?.toISOString().slice(0, 10) ?? null,
        }
      : null,
    tags,
  };
}

export type RecommendationDetail = NonNullable<Awaited<ReturnType<typeof getRecommendation>>>;

export interface WasteSummary {
  /** each resource once, at its largest saving */
  total: string;
  count: number;
  /**
   * By type, each resource counted once: under the type of its largest saving (a zombie that is also a
   * rightsizing candidate counts as a zombie). `grossMonthlySaving` is the type's own sum, overlaps included.
   */
  byType: { type: RecommendationType; count: number; monthlySaving: string; grossMonthlySaving: string }[];
  bySquad: { squad: string | null; count: number; monthlySaving: string }[];
}

/** Open and in-progress recommendations: totals by type and by squad, each resource counted once. */
export async function getWasteSummary(prisma: PrismaClient, input: { squad?: string } = {}): Promise<WasteSummary> {
  const rows = await prisma.recommendation.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] }, ...(input.squad ? { squad: { slug: input.squad } } : {}) },
    select: {
      id: true,
      type: true,
      accountId: true,
      region: true,
      resourceId: true,
      monthlySaving: true,
      squad: { select: { slug: true } },
    },
    orderBy: [{ monthlySaving: "desc" }, { id: "asc" }],
  });
  // the largest recommendation of each resource (rows come largest first)
  const winners = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!winners.has(resourceKey(row))) winners.set(resourceKey(row), row);
  const counted = [...winners.values()];
  const sum = (list: readonly (typeof rows)[number][]) =>
    list.reduce((total, row) => total.add(row.monthlySaving), new Decimal(0)).toFixed();
  const groupBy = <K>(list: readonly (typeof rows)[number][], keyOf: (row: (typeof rows)[number]) => K) => {
    const groups = new Map<K, (typeof rows)[number][]>();
    for (const row of list) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
    return groups;
  };
  const bySaving = (a: { monthlySaving: string }, b: { monthlySaving: string }) =>
    new Decimal(b.monthlySaving).cmp(new Decimal(a.monthlySaving));
  const gross = groupBy(rows, (r) => r.type);
  const net = groupBy(counted, (r) => r.type);
  return {
    total: totalSavings(rows).toFixed(),
    count: counted.length,
    byType: [...gross]
      .map(([type, list]) => ({
        type,
        count: net.get(type)?.length ?? 0,
        monthlySaving: sum(net.get(type) ?? []),
        grossMonthlySaving: sum(list),
      }))
      .sort(bySaving),
    bySquad: [...groupBy(counted, (r) => r.squad?.slug ?? null)]
      .map(([squad, list]) => ({ squad, count: list.length, monthlySaving: sum(list) }))
      .sort(bySaving),
  };
}
