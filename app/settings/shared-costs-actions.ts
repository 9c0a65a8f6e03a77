"use server";

import { revalidatePath } from "next/cache";
import {
  readSharedCostsForm,
  sharedCostsSavedMessage,
  sharedCostsFieldErrors,
  type SharedCostsFormState,
} from "@/components/spend/shared-costs-form-fields";
import { allocationSettingsSchema, saveAllocationSettings } from "@/lib/allocation/allocation-settings";
import { requireActionActor } from "@/lib/auth/require-action-actor";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";

/** Validates the shared-cost policy form and saves it (audited) for an admin; nothing is saved on an error. */
export async function saveSharedCostsAction(
  _previous: SharedCostsFormState,
  form: FormData,
): Promise<SharedCostsFormState> {
  const { input, values, errors } = readSharedCostsForm(form);
  const guard = await requireActionActor("settings.edit");
  if (!guard.ok) return { status: "error", message: guard.message, fieldErrors: {}, values };
  const parsed = allocationSettingsSchema.safeParse(input);
  const fieldErrors = { ...(parsed.success ? {} : sharedCostsFieldErrors(parsed.error.issues)), ...errors };
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: "Check the highlighted fields; nothing was saved.", fieldErrors, values };
  }
  try {
    await saveAllocationSettings(await getPrisma(), parsed.data, guard.actor.id);
    revalidatePath("/settings");
    // The form shows the saved policy from the refreshed page, so nothing needs echoing.
    return { status: "saved", message: sharedCostsSavedMessage, fieldErrors: {} };
  } catch (error) {
    console.error("[costlens] saving the shared-cost policy failed:", error);
    const problem = describeDatabaseError(error);
    return { status: "error", message: `${problem.title}. ${problem.hint}`, fieldErrors: {}, values };
  }
}
