// Detector thresholds, editable on the Settings page and stored in settings under one key. Defaults are
// DESIGN.md's starting rules.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";

export const THRESHOLDS_SETTING_KEY = "waste.thresholds";

const percent = z.number().min(0).max(100);
const days = z.number().int().min(1).max(365);

export const thresholdsSchema = z.object({
  lookbackDays: days.default(14),
  zombie: z
    .object({ cpuMaxPercent: percent.default(5), networkBytesPerDay: z.number().min(0).default(5_000_000) })
    .default({ cpuMaxPercent: 5, networkBytesPerDay: 5_000_000 }),
  stoppedInstance: z.object({ stoppedDays: days.default(30) }).default({ stoppedDays: 30 }),
  orphanVolume: z.object({ unattachedDays: days.default(14) }).default({ unattachedDays: 14 }),
  idleReplica: z
    .object({ maxConnections: z.number().min(0).default(0), readIopsMax: z.number().min(0).default(1) })
    .default({ maxConnections: 0, readIopsMax: 1 }),
  rightsizing: z
    .object({
      cpuP95Percent: percent.default(40),
      memoryP95Percent: percent.default(50),
      targetP95Percent: percent.default(60),
    })
    .default({ cpuP95Percent: 40, memoryP95Percent: 50, targetP95Percent: 60 }),
  nonProd: z
    .object({
      environments: z.array(z.string().min(1)).default(["dev", "staging"]),
      offHoursStart: z.number().int().min(0).max(23).default(19),
      offHoursEnd: z.number().int().min(0).max(23).default(8),
    })
    .default({ environments: ["dev", "staging"], offHoursStart: 19, offHoursEnd: 8 }),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const defaultThresholds: Thresholds = thresholdsSchema.parse({});

/** The stored thresholds over the defaults; a stored value that no longer parses falls back to them. */
export async function getThresholds(prisma: PrismaClient): Promise<Thresholds> {
  const setting = await prisma.setting.findUnique({ where: { key: THRESHOLDS_SETTING_KEY }, select: { value: true } });
  const parsed = thresholdsSchema.safeParse(setting?.value ?? {});
  return parsed.success ? parsed.data : defaultThresholds;
}

/** Validates and stores new thresholds with an audit event (who, before, after) in one transaction. */
export async function saveThresholds(prisma: PrismaClient, input: unknown, actor: string): Promise<Thresholds> {
  const next = thresholdsSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: THRESHOLDS_SETTING_KEY }, select: { value: true } });
    await tx.setting.upsert({
      where: { key: THRESHOLDS_SETTING_KEY },
      create: { key: THRESHOLDS_SETTING_KEY, value: next, updatedBy: actor },
      update: { value: next, updatedBy: actor },
      select: { key: true },
    });
    await tx.auditEvent.create({
      data: {
        actor,
        action: "settings.thresholds.update",
        entityType: "setting",
        entityId: THRESHOLDS_SETTING_KEY,
        before: before?.value ?? undefined,
        after: next,
      },
      select: { id: true },
    });
  });
  return next;
}
