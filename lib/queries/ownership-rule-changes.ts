// The audit trail of the Settings page's allocation inputs, newest first: ownership-rule edits (who changed
// which rule, from what to what) and shared-cost policy saves (the policy before and after).
import {
  ALLOCATION_SETTING_KEY,
  allocationSettingsSchema,
  defaultAllocationSettings,
  type AllocationSettings,
} from "../allocation/allocation-settings";
import type { PrismaClient } from "../db/generated/client";

interface ChangeBase {
  id: string;
  at: string;
  actor: string;
  action: string;
}

export type SettingsChange =
  | (ChangeBase & { subject: "ownership-rule"; before: unknown; after: unknown })
  | (ChangeBase & {
      subject: "shared-costs";
      /** the policy in effect before: the defaults when none was stored or the stored one no longer parses */
      before: AllocationSettings;
      /** null when the saved value no longer parses (the schema moved on since) */
      after: AllocationSettings | null;
    });

function policyChange(base: ChangeBase, before: unknown, after: unknown): SettingsChange {
  const previous = allocationSettingsSchema.safeParse(before ?? {});
  const next = allocationSettingsSchema.safeParse(after);
  return {
    ...base,
    subject: "shared-costs",
    before: previous.success ? previous.data : defaultAllocationSettings,
    after: next.success ? next.data : null,
  };
}

export async function listSettingsChanges(prisma: PrismaClient, limit = 20): Promise<SettingsChange[]> {
  const events = await prisma.auditEvent.findMany({
    where: { OR: [{ entityType: "ownership-rule" }, { entityType: "setting", entityId: ALLOCATION_SETTING_KEY }] },
    select: { id: true, at: true, actor: true, action: true, entityType: true, before: true, after: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  return events.map(({ entityType, before, after, ...event }) => {
    const base = { ...event, id: event.id.toString(), at: event.at.toISOString() };
    return entityType === "setting"
      ? policyChange(base, before, after)
      : { ...base, subject: "ownership-rule", before, after };
  });
}
