// The shared-cost policy form: how a submitted form becomes allocationSettingsSchema's input, how the
// schema's issues become one message per field, and how a policy (or a change to it) reads in words.
import type { ActionFormState } from "@/components/ui/action-form-state";
import type { AllocationSettings } from "@/lib/allocation/allocation-settings";

export type SplitMode = AllocationSettings["split"];

export const splitOptions: ReadonlyArray<{ value: SplitMode; label: string; explanation: string }> = [
  {
    value: "none",
    label: "Keep a Shared line",
    explanation: "Shared costs stay on their own “Shared” line; each squad sees only its direct spend.",
  },
  {
    value: "proportional",
    label: "Proportional to direct spend",
    explanation: "Each day's shared costs go to the squads in proportion to their direct spend that day.",
  },
  {
    value: "even",
    label: "Evenly",
    explanation: "Each day's shared costs are divided into equal parts, one for every squad.",
  },
];

/** What each input holds, as submitted: a rejected form is shown again exactly like this. */
export interface SharedCostsFormValues {
  /** the ticked service checkboxes */
  sharedServices: string[];
  /** services typed in, one a line (names not seen in the cost data yet) */
  otherServices: string;
  sharedUsageGroups: string[];
  /** team tag values separated by commas */
  sharedClusterTeams: string;
  split: string;
}

export type SharedCostsFormState = ActionFormState<SharedCostsFormValues>;

export const sharedCostsSavedMessage = "Saved. Takes effect at the next allocation run, which recomputes history.";

export type SharedCostsField = "sharedServices" | "sharedUsageGroups" | "sharedClusterTeams" | "split";

interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (value: FormDataEntryValue | null | undefined) => (typeof value === "string" ? value : "");

/** Trimmed, non-empty, first occurrence only, in the order given. */
function distinct(items: readonly string[]): string[] {
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}

export function sharedCostsFormValues(settings: AllocationSettings): SharedCostsFormValues {
  return {
    sharedServices: settings.sharedServices,
    otherServices: "",
    sharedUsageGroups: settings.sharedUsageGroups,
    sharedClusterTeams: settings.sharedClusterTeams.join(", "),
    split: settings.split,
  };
}

/**
 * The submitted form as the schema's input. Every list is given explicitly (an empty one included), so
 * the schema's defaults never stand in for what the admin cleared; a missing split is reported here for
 * the same reason.
 */
export function readSharedCostsForm(form: FormLike): {
  input: Record<string, unknown>;
  values: SharedCostsFormValues;
  errors: Partial<Record<SharedCostsField, string>>;
} {
  const values: SharedCostsFormValues = {
    sharedServices: form.getAll("sharedServices").map(text),
    otherServices: text(form.get("otherServices")),
    sharedUsageGroups: form.getAll("sharedUsageGroups").map(text),
    sharedClusterTeams: text(form.get("sharedClusterTeams")),
    split: text(form.get("split")),
  };
  const input = {
    // A service name is free text from Cost Explorer, so typed services are split on lines, never commas.
    sharedServices: distinct([...values.sharedServices, ...values.otherServices.split(/\r?\n/)]),
    sharedUsageGroups: distinct(values.sharedUsageGroups),
    sharedClusterTeams: distinct(values.sharedClusterTeams.split(/[,\n]/)),
    split: values.split,
  };
  const errors: Partial<Record<SharedCostsField, string>> = {};
  if (values.split === "") errors.split = "Choose how shared costs are split.";
  return { input, values, errors };
}

const fieldMessages: Record<SharedCostsField, string> = {
  sharedServices: "At most 100 services, each name at most 200 characters.",
  sharedUsageGroups: "Choose among the usage groups listed.",
  sharedClusterTeams: "At most 100 team values, each at most 200 characters.",
  split: "Choose how shared costs are split.",
};

/** One message per field, written for the form rather than taken from the schema's wording. */
export function sharedCostsFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= field in fieldMessages ? fieldMessages[field as SharedCostsField] : issue.message;
  }
  return errors;
}

export interface ServiceOption {
  name: string;
  /** false for a configured service the cost data has not shown lately */
  seen: boolean;
}

/** The services to offer as checkboxes: those seen in the cost data and those already shared, by name. */
export function serviceOptions(seen: readonly string[], shared: readonly string[]): ServiceOption[] {
  const seenNames = new Set(seen);
  return distinct([...seen, ...shared])
    .sort((a, b) => a.localeCompare(b, "en"))
    .map((name) => ({ name, seen: seenNames.has(name) }));
}

const list = (items: readonly string[]) => (items.length === 0 ? "none" : items.join(", "));

const policyParts: ReadonlyArray<{ label: string; text: (settings: AllocationSettings) => string }> = [
  { label: "Shared services", text: (settings) => list(settings.sharedServices) },
  { label: "Shared usage groups", text: (settings) => list(settings.sharedUsageGroups) },
  { label: "Shared clusters' teams", text: (settings) => list(settings.sharedClusterTeams) },
  {
    label: "Split",
    text: (settings) => splitOptions.find((option) => option.value === settings.split)?.label ?? settings.split,
  },
];

/** The whole policy, one "label: value" a part. */
export function describeSharedCostPolicy(settings: AllocationSettings): string[] {
  return policyParts.map((part) => `${part.label}: ${part.text(settings)}`);
}

/** Only the parts a change touched, as they were and as they became ("no change" when none differ). */
export function describeSharedCostChange(
  before: AllocationSettings,
  after: AllocationSettings,
): { before: string; after: string } {
  const changed = policyParts.filter((part) => part.text(before) !== part.text(after));
  if (changed.length === 0) return { before: "no change", after: "no change" };
  const describe = (settings: AllocationSettings) =>
    changed.map((part) => `${part.label}: ${part.text(settings)}`).join("; ");
  return { before: describe(before), after: describe(after) };
}
