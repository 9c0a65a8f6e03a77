// Dismissing a recommendation: a reason and who, recorded on it and in the audit log (before and after) in
// one transaction. A resolved or realised one cannot be dismissed: there is nothing left to decide.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { RecommendationError } from "./recommendation-errors";

export const dismissInputSchema = z.object({
  id: z.string().min(1).max(100),
  reason: z
    .string()
    .trim()
    .min(3, "the reason needs at least 3 characters")
    .max(500, "the reason is at most 500 characters"),
  actor: z.string().trim().min(1).max(200),
});

export type DismissInput = z.input<typeof dismissInputSchema>;

export async function dismissRecommendation(prisma: PrismaClient, input: DismissInput): Promise<{ id: string }> {
  const parsed = dismissInputSchema.safeParse(input);
  if (!parsed.success) throw new RecommendationError("INVALID", parsed.error.issues[0]?.message ?? "invalid input");
  const { id, reason, actor } = parsed.data;
  return prisma.$transaction(async (tx) => {
    const before = await tx.recommendation.findUnique({
      where: { id },
      select: { id: true, status: true, dismissedReason: true, dismissedBy: true },
    });
    if (!before) throw new RecommendationError("NOT_FOUND", "No such recommendation");
    if (before.status === "RESOLVED" || before.status === "REALISED")
      throw new RecommendationError("CONFLICT", `The recommendation is already ${before.status.toLowerCase()}`);
    const after = await tx.recommendation.update({
      where: { id },
      data: { status: "DISMISSED", dismissedReason: reason, dismissedBy: actor },
      select: { id: true, status: true, dismissedReason: true, dismissedBy: true },
    });
    await tx.auditEvent.create({
      data: {
        actor,
        action: "recommendation.dismiss",
        entityType: "recommendation",
        entityId: id,
        before: { status: before.status, dismissedReason: before.dismissedReason, dismissedBy: before.dismissedBy },
        after: { status: after.status, dismissedReason: after.dismissedReason, dismissedBy: after.dismissedBy },
      },
      select: { id: true },
    });
    return { id };
  });
}
