"use server";

import { revalidatePath } from "next/cache";
import {
  fieldErrorsFromIssues,
  readThresholdsForm,
  thresholdFormValues,
  type ThresholdsFormState,
} from "@/components/waste/thresholds-form-fields";
import { requireActionActor } from "@/lib/auth/require-action-actor";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { defaultThresholds, saveThresholds, thresholdsSchema } from "@/lib/waste/thresholds";

/** Saves the submitted thresholds, or the defaults when the "Reset to defaults" button submitted the form. */
export async function saveDetectorThresholds(
  _previous: ThresholdsFormState,
  form: FormData,
): Promise<ThresholdsFormState> {
  const nonce = Date.now();
  const reset = form.get("intent") === "reset";
  const { input, values, errors } = readThresholdsForm(form);
  const guard = await requireActionActor("settings.edit");
  if (!guard.ok) return { status: "failed", nonce, values, message: guard.message };
  const parsed = reset ? thresholdsSchema.safeParse(defaultThresholds) : thresholdsSchema.safeParse(input);
  if (!reset) {
    const all = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...errors };
    if (Object.keys(all).length > 0) return { status: "invalid", nonce, values, errors: all };
  }
  if (!parsed.success) return { status: "invalid", nonce, values, errors: fieldErrorsFromIssues(parsed.error.issues) };
  try {
    const saved = await saveThresholds(await getPrisma(), parsed.data, guard.actor.id);
    revalidatePath("/settings/detectors");
    revalidatePath("/settings");
    return {
      status: "saved",
      nonce,
      values: thresholdFormValues(saved),
      savedAt: new Date().toISOString(),
      savedBy: guard.actor.id,
      reset,
    };
  } catch (error) {
    console.error("[costlens] saving detector thresholds failed:", error);
    const problem = describeDatabaseError(error);
    return { status: "failed", nonce, values, message: `${problem.title}. ${problem.hint}` };
  }
}
