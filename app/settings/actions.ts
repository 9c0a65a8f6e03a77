"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import {
  createOwnershipRule,
  createOwnershipRuleSchema,
  deleteOwnershipRule,
  OwnershipRuleError,
  updateOwnershipRule,
  updateOwnershipRuleSchema,
} from "@/lib/allocation/ownership-rules";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import type { RuleFormState } from "@/components/spend/rule-form-state";

// Until sign-in exists, the actor is whoever the proxy in front says (oauth2-proxy and friends set these),
// else the page itself.
async function actor(): Promise<string> {
  const list = await headers();
  return list.get("x-forwarded-email") ?? list.get("x-forwarded-user") ?? "settings page";
}

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
  return saveRule(
    form,
    createOwnershipRuleSchema,
    async (input) => createOwnershipRule(await getPrisma(), input, await actor()),
    "added",
  );
}

export async function updateRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  return saveRule(
    form,
    updateOwnershipRuleSchema,
    async (input) => updateOwnershipRule(await getPrisma(), input, await actor()),
    "saved",
  );
}

export async function deleteRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  const values = formValues(form);
  try {
    await deleteOwnershipRule(await getPrisma(), { id: values.id }, await actor());
    revalidatePath("/settings");
    return saved("Rule deleted. It stops applying from the next allocation run.");
  } catch (error) {
    return failure(error, values);
  }
}
