// The shared-cost policy, editable on the Settings page and stored in settings under one key: which costs
// are shared (whole services, usage groups split out of a service such as NAT gateways, and the idle
// capacity of clusters whose nodes a shared team owns), and whether shared costs stay a "shared" line or are
// split across squads (proportional to each squad's direct spend of the day, or evenly).
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { NAT_GATEWAY_USAGE_GROUP, USAGE_GROUP_NAMES } from "../ingest/cost-explorer/usage-groups";

export const ALLOCATION_SETTING_KEY = "allocation.shared-costs";

const names = z.array(z.string().trim().min(1).max(200)).max(100);

export const allocationSettingsSchema = z.object({
  /** Cost Explorer services whose whole cost is shared (matched before any ownership rule) */
  sharedServices: names.default(["AWS Support (Business)", "AWS Support (Developer)", "AWS Support (Enterprise)"]),
  /** usage groups (cost_daily.usage_group) whose cost is shared, whoever's tag or account it carries */
  sharedUsageGroups: z
    .array(z.enum(USAGE_GROUP_NAMES))
    .max(USAGE_GROUP_NAMES.length)
    .refine((groups) => new Set(groups).size === groups.length, "each usage group once")
    .default([NAT_GATEWAY_USAGE_GROUP]),
  /** clusters whose nodes carry one of these `team` tags are shared clusters: their idle is a shared cost */
  sharedClusterTeams: names.default(["platform"]),
  /** "none" keeps shared costs on their own line; otherwise they are split across squads */
  split: z.enum(["none", "proportional", "even"]).default("none"),
});

export type AllocationSettings = z.infer<typeof allocationSettingsSchema>;

export const defaultAllocationSettings: AllocationSettings = allocationSettingsSchema.parse({});

/** The stored policy over the defaults; a stored value that no longer parses falls back to them. */
export async function getAllocationSettings(prisma: PrismaClient): Promise<AllocationSettings> {
  const setting = await prisma.setting.findUnique({ where: { key: ALLOCATION_SETTING_KEY }, select: { value: true } });
  const parsed = allocationSettingsSchema.safeParse(setting?.value ?? {});
  return parsed.success ? parsed.data : defaultAllocationSettings;
}

/** Validates and stores a new policy with an audit event (who, before, after) in one transaction. */
export async function saveAllocationSettings(
  prisma: PrismaClient,
  input: unknown,
  actor: string,
): Promise<AllocationSettings> {
  const next = allocationSettingsSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: ALLOCATION_SETTING_KEY }, select: { value: true } });
    await tx.setting.upsert({
      where: { key: ALLOCATION_SETTING_KEY },
      create: { key: ALLOCATION_SETTING_KEY, value: next, updatedBy: actor },
      update: { value: next, updatedBy: actor },
      select: { key: true },
    });
    await tx.auditEvent.create({
      data: {
        actor,
        action: "settings.allocation.update",
        entityType: "setting",
        entityId: ALLOCATION_SETTING_KEY,
        before: before?.value ?? undefined,
        after: next,
      },
      select: { id: true },
    });
  });
  return next;
}
