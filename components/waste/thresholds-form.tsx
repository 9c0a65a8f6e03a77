"use client";

import { useActionState, useEffect, useRef } from "react";
import { useCan } from "../auth/viewer-context";
import { formatDateTime } from "@/lib/format/dates";
import {
  thresholdFields,
  thresholdGroups,
  type ThresholdField,
  type ThresholdFormValues,
  type ThresholdsFormState,
} from "./thresholds-form-fields";

const primary =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

const inputId = (name: string) => `threshold-${name.replaceAll(".", "-")}`;

function FieldInput({
  field,
  value,
  defaultText,
  error,
}: {
  field: ThresholdField;
  value: string;
  defaultText: string;
  error: string | undefined;
}) {
  const id = inputId(field.name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={field.name}
          type="text"
          inputMode={field.kind === "number" ? "decimal" : "text"}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className={`block rounded-md border bg-white px-3 py-1.5 text-sm tabular-nums dark:bg-slate-950 ${
            field.kind === "list" ? "w-64" : "w-32"
          } ${error ? "border-red-600 dark:border-red-400" : "border-slate-300 dark:border-slate-700"}`}
        />
        {field.unit ? <span className="text-sm text-slate-600 dark:text-slate-400">{field.unit}</span> : null}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {field.hint} Default: {defaultText || "none"}.
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The detector thresholds, one input per setting, saved by a server action: a rejected value is echoed
 * back with its message beside it, and the first one takes the focus.
 */
export function ThresholdsForm({
  action,
  initialValues,
  defaultValues,
  lastChange,
}: {
  action: (previous: ThresholdsFormState, form: FormData) => Promise<ThresholdsFormState>;
  initialValues: ThresholdFormValues;
  defaultValues: ThresholdFormValues;
  lastChange: { by: string | null; at: string } | null;
}) {
  const [state, submit, pending] = useActionState(action, { status: "idle", nonce: 0, values: initialValues });
  const canEdit = useCan("settings.edit");
  const confirmation = useRef<HTMLParagraphElement>(null);
  const errors = state.status === "invalid" ? state.errors : {};
  const invalidNames = thresholdFields.map((field) => field.name).filter((name) => errors[name]);

  useEffect(() => {
    if (state.status === "invalid") {
      const first = thresholdFields.find((field) => state.errors[field.name]);
      if (first) document.getElementById(inputId(first.name))?.focus();
    } else if (state.status === "saved" || state.status === "failed") {
      confirmation.current?.focus();
    }
  }, [state]);

  const changed = state.status === "saved" ? { by: state.savedBy, at: state.savedAt } : lastChange;

  return (
    <form action={submit} noValidate className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {changed
          ? `Last changed by ${changed.by ?? "unknown"} on ${formatDateTime(new Date(changed.at))}.`
          : "Never changed: the defaults are in use."}
      </p>
      {state.status === "invalid" ? (
        <div
          role="alert"
          className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">
            {invalidNames.length === 1 ? "One value needs" : `${invalidNames.length} values need`} attention; nothing
            was saved.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {invalidNames.map((name) => (
              <li key={name}>
                <a href={`#${inputId(name)}`} className="underline">
                  {thresholdFields.find((field) => field.name === name)?.label}
                </a>
                : {errors[name]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset key={state.nonce} disabled={!canEdit} className="m-0 min-w-0 space-y-6 border-0 p-0">
        {thresholdGroups.map((group) => (
          <fieldset
            key={group.title}
            className="rounded-xl border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <legend className="px-1 text-sm font-semibold">{group.title}</legend>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{group.description}</p>
            <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
              {group.fields.map((field) => (
                <FieldInput
                  key={field.name}
                  field={field}
                  value={state.values[field.name] ?? ""}
                  defaultText={defaultValues[field.name] ?? ""}
                  error={errors[field.name]}
                />
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        {canEdit ? (
          <>
            <button type="submit" name="intent" value="save" className={primary} disabled={pending}>
              {pending ? "Saving…" : "Save thresholds"}
            </button>
            <button type="submit" name="intent" value="reset" className={secondary} disabled={pending}>
              Reset to defaults
            </button>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Only admins can change the thresholds.</p>
        )}
        <p
          ref={confirmation}
          tabIndex={-1}
          role="status"
          className={`text-sm ${state.status === "failed" ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
        >
          {state.status === "saved"
            ? `${state.reset ? "Defaults restored" : "Saved"}. The next detection run uses these thresholds.`
            : state.status === "failed"
              ? `Not saved: ${state.message}`
              : ""}
        </p>
      </div>
    </form>
  );
}
