// The database half of "once only". A pull request is reserved before any GitHub call: a pull_requests row
// in state OPENING with one pull_request_recommendations row per recommendation whose open_key is the
// recommendation id. open_key is UNIQUE, so of any number of racing requests exactly one insert succeeds:
// the insert is the lock, not a check before it. Losers find the winner's row and wait for it to open.
import { Decimal } from "../db/decimal";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { PullRequestState, RecommendationType } from "../db/generated/enums";

export interface Reservation {
  id: string;
  repo: string;
  branch: string;
  state: PullRequestState;
  number: number | null;
  url: string | null;
  updatedAt: Date;
  recommendationIds: string[];
}

const reservationSelect = {
  id: true,
  repo: true,
  branch: true,
  state: true,
  number: true,
  url: true,
  updatedAt: true,
  items: { select: { recommendationId: true } },
} satisfies Prisma.PullRequestSelect;

type Row = Prisma.PullRequestGetPayload<{ select: typeof reservationSelect }>;

const toReservation = (row: Row): Reservation => ({
  id: row.id,
  repo: row.repo,
  branch: row.branch,
  state: row.state,
  number: row.number,
  url: row.url,
  updatedAt: row.updatedAt,
  recommendationIds: row.items.map((item) => item.recommendationId),
});

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The opening or open pull requests holding any of these recommendations (open_key still set). */
export async function findHolders(prisma: PrismaClient, recommendationIds: string[]): Promise<Reservation[]> {
  const rows = await prisma.pullRequest.findMany({
    where: { items: { some: { openKey: { in: recommendationIds } } } },
    select: reservationSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toReservation);
}

/** How many pull requests these recommendations had before (closed or merged): the branch's generation. */
export async function previousPullRequestCount(prisma: PrismaClient, recommendationIds: string[]): Promise<number> {
  const rows = await prisma.pullRequestRecommendation.findMany({
    where: { recommendationId: { in: recommendationIds } },
    select: { pullRequestId: true },
    distinct: ["pullRequestId"],
  });
  return rows.length;
}

export interface ReservationInput {
  repo: string;
  branch: string;
  title: string;
  type: RecommendationType;
  rootModule: string;
  actor: string;
  items: { recommendationId: string; projectedSaving: string }[];
}

/** The reservation, or undefined when another request holds one of the recommendations (or the branch). */
export async function reserve(prisma: PrismaClient, input: ReservationInput): Promise<Reservation | undefined> {
  const projected = input.items.reduce((sum, item) => sum.add(item.projectedSaving), new Decimal(0));
  try {
    // a nested create is one transaction: the row and every open_key go in together or not at all
    const row = await prisma.pullRequest.create({
      data: {
        repo: input.repo,
        branch: input.branch,
        title: input.title,
        state: "OPENING",
        type: input.type,
        rootModule: input.rootModule,
        createdBy: input.actor,
        projectedSaving: projected,
        items: {
          create: input.items.map((item) => ({
            recommendationId: item.recommendationId,
            openKey: item.recommendationId,
            projectedSaving: item.projectedSaving,
          })),
        },
      },
      select: reservationSelect,
    });
    return toReservation(row);
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/**
 * Takes over a reservation left OPENING by a process that died: only if it is still OPENING and has not
 * been touched since `staleBefore`; the update bumps updated_at, so two takers cannot both win.
 */
export async function takeOver(prisma: PrismaClient, reservation: Reservation, staleBefore: Date): Promise<boolean> {
  const { count } = await prisma.pullRequest.updateMany({
    where: { id: reservation.id, state: "OPENING", updatedAt: { lt: staleBefore } },
    data: { updatedAt: new Date() },
  });
  return count === 1;
}

/** Drops a reservation that could not be published, so the next attempt can reserve again. */
export async function release(prisma: PrismaClient, reservationId: string): Promise<void> {
  await prisma.pullRequest.deleteMany({ where: { id: reservationId, state: "OPENING" } });
}
