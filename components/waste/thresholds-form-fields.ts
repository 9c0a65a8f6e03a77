// The detector thresholds form: its fields (named by their path in thresholdsSchema), how a submitted
// form becomes the schema's input, and how the schema's issues become one message per field.
import type { z } from "zod";
import type { Thresholds } from "@/lib/waste/thresholds";

export interface ThresholdField {
  /** path in thresholdsSchema, also the input's name */
  name: string;
  label: string;
  hint: string;
  unit: string;
  kind: "number" | "list";
  /** shown value = stored value / scale (bytes shown as MB) */
  scale?: number;
  step?: string;
}

export interface ThresholdGroup {
  title: string;
  description: string;
  fields: ThresholdField[];
}

export const thresholdGroups: ThresholdGroup[] = [
  {
    title: "All detectors",
    description: "How far back the metric rules look.",
    fields: [{ name: "lookbackDays", label: "Lookback window", hint: "1 to 365 days.", unit: "days", kind: "number" }],
  },
  {
    title: "Zombie instances",
    description: "Running, not in an Auto Scaling group, EKS node group or target group, and idle on both counts.",
    fields: [
      {
        name: "zombie.cpuMaxPercent",
        label: "CPU maximum below",
        hint: "Highest daily CPU maximum allowed, 0 to 100.",
        unit: "%",
        kind: "number",
        step: "any",
      },
      {
        name: "zombie.networkBytesPerDay",
        label: "Network in + out below",
        hint: "Per day, in megabytes (1 MB = 1,000,000 bytes).",
        unit: "MB/day",
        kind: "number",
        scale: 1_000_000,
        step: "any",
      },
    ],
  },
  {
    title: "Long-stopped instances",
    description: "Stopped instances still pay for their EBS volumes.",
    fields: [
      {
        name: "stoppedInstance.stoppedDays",
        label: "Stopped for more than",
        hint: "1 to 365 days.",
        unit: "days",
        kind: "number",
      },
    ],
  },
  {
    title: "Orphan volumes",
    description: "EBS volumes in the available (unattached) state.",
    fields: [
      {
        name: "orphanVolume.unattachedDays",
        label: "Unattached for more than",
        hint: "1 to 365 days.",
        unit: "days",
        kind: "number",
      },
    ],
  },
  {
    title: "Idle RDS read replicas",
    description: "Replicas nobody connects to or reads from over the lookback window.",
    fields: [
      {
        name: "idleReplica.maxConnections",
        label: "Database connections at most",
        hint: "Highest daily maximum allowed.",
        unit: "connections",
        kind: "number",
        step: "any",
      },
      {
        name: "idleReplica.readIopsMax",
        label: "Read IOPS at most",
        hint: "Highest daily maximum allowed.",
        unit: "IOPS",
        kind: "number",
        step: "any",
      },
    ],
  },
  {
    title: "Rightsizing",
    description: "Instances whose p95 use leaves a smaller size in the family with headroom.",
    fields: [
      {
        name: "rightsizing.cpuP95Percent",
        label: "CPU p95 below",
        hint: "0 to 100.",
        unit: "%",
        kind: "number",
        step: "any",
      },
      {
        name: "rightsizing.memoryP95Percent",
        label: "Memory p95 below",
        hint: "Where memory is reported; 0 to 100.",
        unit: "%",
        kind: "number",
        step: "any",
      },
      {
        name: "rightsizing.targetP95Percent",
        label: "Projected CPU p95 after the change below",
        hint: "The smallest size that stays under this is recommended; 0 to 100.",
        unit: "%",
        kind: "number",
        step: "any",
      },
    ],
  },
  {
    title: "Non-production always on",
    description: "Environments that should be scheduled off outside working hours (UTC).",
    fields: [
      {
        name: "nonProd.environments",
        label: "Environments",
        hint: "Values of the environment tag, separated by commas; empty turns this detector off.",
        unit: "",
        kind: "list",
      },
      {
        name: "nonProd.offHoursStart",
        label: "Off from",
        hint: "Hour of the day, 0 to 23, weekdays.",
        unit: ":00 UTC",
        kind: "number",
      },
      {
        name: "nonProd.offHoursEnd",
        label: "Back on at",
        hint: "Hour of the day, 0 to 23; weekends stay off.",
        unit: ":00 UTC",
        kind: "number",
      },
    ],
  },
];

export const thresholdFields: ThresholdField[] = thresholdGroups.flatMap((group) => group.fields);

/** What each input shows, as text: the form echoes a rejected submission back exactly as typed. */
export type ThresholdFormValues = Record<string, string>;
export type ThresholdFieldErrors = Record<string, string>;

function valueAt(thresholds: Thresholds, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], thresholds);
}

function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Divides by a power of ten exactly (5000000 / 1e6 -> "5", 1500 / 1e6 -> "0.0015"). */
function descale(value: number, scale: number): string {
  return String(value / scale).includes("e")
    ? (value / scale).toFixed(12).replace(/\.?0+$/, "")
    : String(value / scale);
}

export function thresholdFormValues(thresholds: Thresholds): ThresholdFormValues {
  const values: ThresholdFormValues = {};
  for (const field of thresholdFields) {
    const value = valueAt(thresholds, field.name);
    if (field.kind === "list") values[field.name] = Array.isArray(value) ? value.join(", ") : "";
    else values[field.name] = typeof value === "number" ? descale(value, field.scale ?? 1) : "";
  }
  return values;
}

/** Marks an input the user left empty or typed something that is not a number. */
const NOT_A_NUMBER = Symbol("not a number");

/**
 * The submitted form as thresholdsSchema's input. Empty or non-numeric inputs are reported here (the
 * schema would otherwise quietly apply its default to a missing value).
 */
export function readThresholdsForm(form: { get(name: string): FormDataEntryValue | null }): {
  input: Record<string, unknown>;
  values: ThresholdFormValues;
  errors: ThresholdFieldErrors;
} {
  const input: Record<string, unknown> = {};
  const values: ThresholdFormValues = {};
  const errors: ThresholdFieldErrors = {};
  for (const field of thresholdFields) {
    const raw = form.get(field.name);
    const text = typeof raw === "string" ? raw.trim() : "";
    values[field.name] = text;
    if (field.kind === "list") {
      setAt(
        input,
        field.name,
        text
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean),
      );
      continue;
    }
    const number = text === "" ? NOT_A_NUMBER : Number(text);
    if (number === NOT_A_NUMBER || !Number.isFinite(number)) {
      errors[field.name] = text === "" ? "Enter a value." : "Enter a number.";
      continue;
    }
    const scale = field.scale ?? 1;
    // Scaled inputs are whole units underneath (bytes): rounding removes the float noise of 0.1 * 1e6.
    setAt(input, field.name, scale === 1 ? number : Math.round(number * scale));
  }
  return { input, values, errors };
}

/** One readable message per field from the schema's issues (the first issue of a field wins). */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): ThresholdFieldErrors {
  const errors: ThresholdFieldErrors = {};
  for (const issue of issues) {
    const field = thresholdFields.find((candidate) => issue.path.join(".").startsWith(candidate.name));
    const name = field?.name ?? "form";
    if (errors[name]) continue;
    errors[name] = issueMessage(issue, field);
  }
  return errors;
}

function unitSuffix(field: ThresholdField | undefined, shown: string): string {
  if (!field?.unit || field.unit.startsWith(":")) return "";
  if (field.unit === "%") return "%";
  return ` ${shown === "1" && field.unit.endsWith("s") ? field.unit.slice(0, -1) : field.unit}`;
}

function issueMessage(issue: z.core.$ZodIssue, field: ThresholdField | undefined): string {
  const scale = field?.scale ?? 1;
  const show = (value: unknown) =>
    typeof value === "number" || typeof value === "bigint" ? descale(Number(value), scale) : String(value);
  switch (issue.code) {
    case "too_small":
      return `Must be at least ${show(issue.minimum)}${unitSuffix(field, show(issue.minimum))}.`;
    case "too_big":
      return `Must be at most ${show(issue.maximum)}${unitSuffix(field, show(issue.maximum))}.`;
    case "invalid_type":
      return issue.expected === "int" ? "Enter a whole number." : "Enter a number.";
    case "invalid_format":
    case "invalid_value":
      return "Not an allowed value.";
    default:
      return issue.message;
  }
}

/** What the thresholds form's server action answers; `nonce` changes on every answer so inputs re-render. */
export type ThresholdsFormState =
  | { status: "idle"; nonce: number; values: ThresholdFormValues }
  | { status: "invalid"; nonce: number; values: ThresholdFormValues; errors: ThresholdFieldErrors }
  | { status: "saved"; nonce: number; values: ThresholdFormValues; savedAt: string; savedBy: string; reset: boolean }
  | { status: "failed"; nonce: number; values: ThresholdFormValues; message: string };
