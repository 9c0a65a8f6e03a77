// The audit trail of ownership-rule edits, newest first: who changed which rule, from what to what.
import type { PrismaClient } from "../db/generated/client";

export interface OwnershipRuleChange {
  id: string;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export async function listOwnershipRuleChanges(prisma: PrismaClient, limit = 20): Promise<OwnershipRuleChange[]> {
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "ownership-rule" },
    select: { id: true, at: true, actor: true, action: true, before: true, after: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  return events.map((event) => ({ ...event, id: event.id.toString(), at: event.at.toISOString() }));
}
