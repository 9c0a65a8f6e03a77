"use client";

import { useActionState, useId } from "react";
import { formatDateTime } from "@/lib/format/dates";
import type { AllocationSettings } from "@/lib/allocation/allocation-settings";
import { USAGE_GROUPS } from "@/lib/ingest/cost-explorer/usage-groups";
import { useCan } from "../auth/viewer-context";
import { idleFormState } from "../ui/action-form-state";
import { FieldError, FormResult } from "../ui/form-feedback";
import {
  describeSharedCostPolicy,
  serviceOptions,
  sharedCostsFormValues,
  splitOptions,
  type SharedCostsFormState,
} from "./shared-costs-form-fields";

export type SharedCostsAction = (previous: SharedCostsFormState, form: FormData) => Promise<SharedCostsFormState>;

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600";
const group = "rounded-xl border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900";
const hint = "mb-3 text-sm text-slate-600 dark:text-slate-400";
const primary =
  "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";

/** One checkbox of a list, its value as its label, with a muted note after it. */
function CheckboxOption({
  name,
  value,
  checked,
  note,
}: {
  name: string;
  value: string;
  checked: boolean;
  note?: string;
}) {
  return (
    <li>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name={name} value={value} defaultChecked={checked} className="mt-0.5" />
        <span>
          {value}
          {note ? <span className="text-slate-600 dark:text-slate-400"> {note}</span> : null}
        </span>
      </label>
    </li>
  );
}

/**
 * The shared-cost policy: which services, usage groups and clusters' idle are shared, and how shared costs
 * reach the squads. Shows the policy in effect and its last change; only admins can edit it.
 */
export function SharedCostsForm({
  action,
  policy,
  recentServices,
  lastChange,
}: {
  action: SharedCostsAction;
  policy: AllocationSettings;
  /** services of the recent cost data, offered as checkboxes */
  recentServices: string[];
  lastChange: { by: string | null; at: string } | null;
}) {
  const id = useId();
  const canEdit = useCan("settings.edit");
  const [state, formAction, pending] = useActionState<SharedCostsFormState, FormData>(action, idleFormState);
  // A rejected form shows what was submitted; otherwise the policy in effect (fresh after a save).
  const values = state.status === "error" && state.values ? state.values : sharedCostsFormValues(policy);
  const errors = state.fieldErrors;
  const services = serviceOptions(recentServices, [...policy.sharedServices, ...values.sharedServices]);
  const errorId = (field: string) => `${id}-${field}-error`;
  const describedBy = (field: string, extra?: string) =>
    [extra, errors[field] ? errorId(field) : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-4">
      <div className="text-sm text-slate-600 dark:text-slate-400">
        <p>
          {lastChange
            ? `Last changed by ${lastChange.by ?? "unknown"} on ${formatDateTime(new Date(lastChange.at))}.`
            : "Never changed: the defaults are in use."}
        </p>
        <ul aria-label="Shared-cost policy in effect" className="mt-1 list-disc pl-5">
          {describeSharedCostPolicy(policy).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <form action={formAction} noValidate aria-label="Shared-cost policy" className="space-y-4">
        {/* Remounted whenever the values to show change, so the inputs start from them. */}
        <fieldset key={JSON.stringify(values)} disabled={!canEdit} className="m-0 min-w-0 space-y-4 border-0 p-0">
          <fieldset className={group} aria-describedby={describedBy("sharedServices", `${id}-services-hint`)}>
            <legend className="px-1 text-sm font-semibold">Shared services</legend>
            <p id={`${id}-services-hint`} className={hint}>
              Cost Explorer services whose whole cost is shared, whichever squad&apos;s tag or account it carries.
            </p>
            {services.length === 0 ? (
              <p className={hint}>No services in the cost data yet: type their names below.</p>
            ) : (
              <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2 xl:grid-cols-3">
                {services.map((service) => (
                  <CheckboxOption
                    key={service.name}
                    name="sharedServices"
                    value={service.name}
                    checked={values.sharedServices.includes(service.name)}
                    note={service.seen ? undefined : "(not in the last 90 days of cost data)"}
                  />
                ))}
              </ul>
            )}
            <label htmlFor={`${id}-otherServices`} className="mb-1 mt-4 block text-xs font-medium">
              Other services, one a line
            </label>
            <textarea
              id={`${id}-otherServices`}
              name="otherServices"
              rows={2}
              defaultValue={values.otherServices}
              aria-invalid={errors.sharedServices ? true : undefined}
              aria-describedby={describedBy("sharedServices", `${id}-otherServices-hint`)}
              className={`${input} max-w-xl`}
            />
            <p id={`${id}-otherServices-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Exactly as Cost Explorer names them, e.g. AWS Support (Business); for services not billed yet.
            </p>
            <FieldError id={errorId("sharedServices")} message={errors.sharedServices} />
          </fieldset>

          <fieldset className={group} aria-describedby={describedBy("sharedUsageGroups")}>
            <legend className="px-1 text-sm font-semibold">Shared usage groups</legend>
            <p className={hint}>
              Parts of a service&apos;s line that are shared whoever&apos;s tag or account they carry.
            </p>
            <ul className="space-y-1">
              {USAGE_GROUPS.map((usageGroup) => (
                <CheckboxOption
                  key={usageGroup.name}
                  name="sharedUsageGroups"
                  value={usageGroup.name}
                  checked={values.sharedUsageGroups.includes(usageGroup.name)}
                  note={`— the ${usageGroup.usageTypeContains} usage types (hours and bytes) of “${usageGroup.service}”`}
                />
              ))}
            </ul>
            <FieldError id={errorId("sharedUsageGroups")} message={errors.sharedUsageGroups} />
          </fieldset>

          <div className={group}>
            <label htmlFor={`${id}-sharedClusterTeams`} className="block text-sm font-semibold">
              Teams of shared clusters
            </label>
            <p id={`${id}-teams-hint`} className={hint}>
              <code className="text-xs">team</code> tag values, separated by commas: a cluster whose nodes carry one is
              shared, and its idle capacity is a shared cost.
            </p>
            <input
              id={`${id}-sharedClusterTeams`}
              name="sharedClusterTeams"
              type="text"
              autoComplete="off"
              defaultValue={values.sharedClusterTeams}
              aria-invalid={errors.sharedClusterTeams ? true : undefined}
              aria-describedby={describedBy("sharedClusterTeams", `${id}-teams-hint`)}
              className={`${input} max-w-md`}
            />
            <FieldError id={errorId("sharedClusterTeams")} message={errors.sharedClusterTeams} />
          </div>

          <fieldset className={group} aria-describedby={describedBy("split")}>
            <legend className="px-1 text-sm font-semibold">How shared costs reach the squads</legend>
            <ul className="space-y-2">
              {splitOptions.map((option) => (
                <li key={option.value}>
                  <label className="flex items-start gap-2 text-sm font-medium">
                    <input
                      type="radio"
                      name="split"
                      value={option.value}
                      defaultChecked={values.split === option.value}
                      aria-describedby={`${id}-split-${option.value}`}
                      className="mt-0.5"
                    />
                    {option.label}
                  </label>
                  <p id={`${id}-split-${option.value}`} className="ml-6 text-sm text-slate-600 dark:text-slate-400">
                    {option.explanation}
                  </p>
                </li>
              ))}
            </ul>
            <FieldError id={errorId("split")} message={errors.split} />
          </fieldset>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          {canEdit ? (
            <button type="submit" className={primary} disabled={pending}>
              {pending ? "Saving…" : "Save shared-cost policy"}
            </button>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Only admins can change the shared-cost policy.</p>
          )}
          <FormResult state={state} />
        </div>
      </form>
    </div>
  );
}
