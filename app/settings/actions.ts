"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  createOwnershipRule,
  createOwnershipRuleSchema,
  deleteOwnershipRule,
  OwnershipRuleError,
  updateOwnershipRule,
  updateOwnershipRuleSchema,
} from "@/lib/allocation/ownership-rules";
import { requireActionActor } from "@/lib/auth/require-action-actor";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import type { RuleFormState } from "@/components/spend/rule-form-state";

function formValues(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const priority = text("priority").trim();
  return {
    id: text("id"),
    kind: text("kind"),
    matchValue: text("matchValue"),
    squad: text("squad"),
    priority: priority === "" ? undefined : Number(priority),
  };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= field === "priority" ? "Priority is a whole number from 0 to 10000" : issue.message;
  }
  return errors;
}

function failure(error: unknown, values: RuleFormState["values"]): RuleFormState {
  if (error instanceof OwnershipRuleError) {
    const field = error.code === "unknown-squad" ? "squad" : error.code === "duplicate" ? "matchValue" : "form";
    return { status: "error", message: error.message, fieldErrors: { [field]: error.message }, values };
  }
  console.error("[costlens] ownership rule change failed:", error);
  const problem = describeDatabaseError(error);
  return { status: "error", message: `${problem.title}. ${problem.hint}`, fieldErrors: {}, values };
}

/** Ownership rules are an admin's: anyone else gets the refusal as the form's message. */
async function authorise(form: FormData): Promise<{ actor: string } | RuleFormState> {
  const guard = await requireActionActor("settings.edit");
  if (guard.ok) return { actor: guard.actor.id };
  return { status: "error", message: guard.message, fieldErrors: {}, values: formValues(form) };
}

const saved = (message: string): RuleFormState => ({ status: "saved", message, fieldErrors: {} });

/** Validates the form with `schema`, writes with `write`, and reports what the user should see. */
async function saveRule<Input>(
  form: FormData,
  schema: z.ZodType<Input>,
  write: (input: Input) => Promise<{ matchValue: string; squad: string }>,
  verb: "added" | "saved",
): Promise<RuleFormState> {
  const values = formValues(form);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: fieldErrors(parsed.error),
      values,
    };
  }
  try {
    const rule = await write(parsed.data);
    revalidatePath("/settings");
    return saved(`Rule ${verb}: ${rule.matchValue} → ${rule.squad}. It applies from the next allocation run.`);
  } catch (error) {
    return failure(error, values);
  }
}

export async function createRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  const allowed = await authorise(form);
  if (!("actor" in allowed)) return allowed;
  return saveRule(
    form,
    createOwnershipRuleSchema,
    async (input) => createOwnershipRule(await getPrisma(), input, allowed.actor),
    "added",
  );
}

export async function updateRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  const allowed = await authorise(form);
  if (!("actor" in allowed)) return allowed;
  return saveRule(
    form,
    updateOwnershipRuleSchema,
    async (input) => updateOwnershipRule(await getPrisma(), input, allowed.actor),
    "saved",
  );
}

export async function deleteRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  const allowed = await authorise(form);
  if (!("actor" in allowed)) return allowed;
  const values = formValues(form);
  try {
    await deleteOwnershipRule(await getPrisma(), { id: values.id }, allowed.actor);
    revalidatePath("/settings");
    return saved("Rule deleted. It stops applying from the next allocation run.");
  } catch (error) {
    return failure(error, values);
  }
}
