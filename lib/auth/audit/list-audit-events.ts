// The audit log as the admin page reads it: newest first, filtered by actor, action, kind of thing and
// day range, a page at a time.
import { z } from "zod";
import { plainText } from "../../validation/plain-text";
import type { Prisma, PrismaClient } from "../../db/generated/client";

export const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "expected a real date");

const optionalText = plainText()
  .trim()
  .max(200, "at most 200 characters")
  .optional()
  .transform((value) => value || undefined);

export const auditFilterSchema = z.object({
  actor: optionalText,
  action: optionalText,
  entityType: optionalText,
  from: day.optional(),
  /** Inclusive: the events of that whole day. */
  to: day.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditEventRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export type AuditPage = {
  events: AuditEventRow[];
  total: number;
  page: number;
  pageCount: number;
  actions: string[];
  entityTypes: string[];
};

function where(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000);
  return {
    ...(filter.actor ? { actor: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

export async function listAuditEvents(prisma: PrismaClient, filter: AuditFilter): Promise<AuditPage> {
  const condition = where(filter);
  const [total, events, actions, entityTypes] = await Promise.all([
    prisma.auditEvent.count({ where: condition }),
    prisma.auditEvent.findMany({
      where: condition,
      select: {
        id: true,
        at: true,
        actor: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditEvent.findMany({
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
  ]);
  return {
    events: events.map((event) => ({ ...event, id: event.id.toString(), at: event.at.toISOString() })),
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}
