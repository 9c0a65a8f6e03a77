// One audit event: who did what to which thing, with the thing before and after. Actions that change a
// record inside a transaction write their event in that transaction; this is for the rest (a queued job
// run, a sign-in).
import type { Prisma, PrismaClient } from "../../db/generated/client";

export type AuditEventInput = {
  actor: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonObject | null;
  after?: Prisma.InputJsonObject | null;
};

export async function recordAuditEvent(prisma: PrismaClient, event: AuditEventInput): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
    select: { id: true },
  });
}
