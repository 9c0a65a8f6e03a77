"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { useCan } from "../auth/viewer-context";
import { FieldError, FormResult } from "../ui/form-feedback";
import { DataTable, type DataColumn } from "./data-table";
import { idleRuleForm, type RuleFormState } from "./rule-form-state";

export type RuleAction = (previous: RuleFormState, form: FormData) => Promise<RuleFormState>;

export interface RuleRow {
  id: string;
  kind: string;
  matchValue: string;
  squad: string;
  priority: number;
}

export const ruleKinds = [
  { kind: "TEAM_TAG", label: "team tag", hint: "the `team` tag value, e.g. checkout" },
  { kind: "COST_CENTRE_TAG", label: "cost-centre tag", hint: "the `cost-centre` tag value, e.g. CC-1040" },
  { kind: "NAMESPACE", label: "namespace", hint: "<cluster>/<namespace>, or */<namespace> for every cluster" },
  { kind: "ACCOUNT", label: "account", hint: "a 12-digit AWS account id" },
] as const;

export const ruleKindLabel: Record<string, string> = Object.fromEntries(
  ruleKinds.map((kind) => [kind.kind, kind.label]),
);

const input =
  "w-full rounded-md border bg-white px-2 py-1 text-sm dark:bg-slate-900 aria-[invalid=true]:border-red-600 border-slate-300 dark:border-slate-700";
const primary =
  "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/** The fields of a rule, add or edit; errors sit under their field and the form keeps what was typed. */
function RuleForm({
  action,
  squads,
  rule,
  submitLabel,
  onCancel,
  onSaved,
  legend,
}: {
  action: RuleAction;
  squads: Array<{ slug: string; name: string }>;
  rule?: RuleRow;
  submitLabel: string;
  onCancel?: () => void;
  onSaved?: () => void;
  legend: string;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(async (previous: RuleFormState, form: FormData) => {
    const next = await action(previous, form);
    if (next.status === "saved") onSaved?.();
    return next;
  }, idleRuleForm);
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.fieldErrors;
  const [kind, setKind] = useState<string>(values?.kind ?? rule?.kind ?? "TEAM_TAG");
  const hint = ruleKinds.find((entry) => entry.kind === kind)?.hint;
  // A saved "add" form starts empty again: remount its fields.
  const fieldsKey = state.status === "saved" ? state.message : "fields";
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <form action={formAction} className="space-y-3" aria-label={legend}>
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div key={fieldsKey} className="grid gap-3 sm:grid-cols-[10rem_1fr_12rem_7rem]">
        <div>
          <label htmlFor={`${id}-kind`} className="mb-1 block text-xs font-medium">
            Matches
          </label>
          <select
            {...field("kind")}
            defaultValue={kind}
            onChange={(event) => setKind(event.target.value)}
            className={input}
          >
            {ruleKinds.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-kind-error`} message={errors.kind} />
        </div>
        <div>
          <label htmlFor={`${id}-matchValue`} className="mb-1 block text-xs font-medium">
            Value
          </label>
          <input
            {...field("matchValue")}
            defaultValue={values?.matchValue ?? rule?.matchValue ?? ""}
            placeholder={hint}
            autoComplete="off"
            className={input}
          />
          <FieldError id={`${id}-matchValue-error`} message={errors.matchValue} />
        </div>
        <div>
          <label htmlFor={`${id}-squad`} className="mb-1 block text-xs font-medium">
            Squad
          </label>
          <select {...field("squad")} defaultValue={values?.squad ?? rule?.squad ?? ""} className={input}>
            <option value="">Choose a squad…</option>
            {squads.map((squad) => (
              <option key={squad.slug} value={squad.slug}>
                {squad.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-squad-error`} message={errors.squad} />
        </div>
        <div>
          <label htmlFor={`${id}-priority`} className="mb-1 block text-xs font-medium">
            Priority
          </label>
          <input
            {...field("priority")}
            type="number"
            inputMode="numeric"
            defaultValue={values?.priority ?? rule?.priority ?? 100}
            className={input}
          />
          <FieldError id={`${id}-priority-error`} message={errors.priority} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primary} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={secondary} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <FormResult state={state} />
      </div>
    </form>
  );
}

function DeleteRule({ rule, action }: { rule: RuleRow; action: RuleAction }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(action, idleRuleForm);
  if (!confirming) {
    return (
      <button type="button" className={secondary} onClick={() => setConfirming(true)}>
        Delete<span className="sr-only"> rule {rule.matchValue}</span>
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={rule.id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        {pending ? "Deleting…" : `Confirm delete`}
        <span className="sr-only"> rule {rule.matchValue}</span>
      </button>
      <button type="button" className={secondary} onClick={() => setConfirming(false)}>
        Keep
      </button>
      <FormResult state={state} />
    </form>
  );
}

/** Ownership rules: the list (sortable, filterable, paged), add, edit in place, delete with a confirmation. */
export function OwnershipRulesEditor({
  rules,
  squads,
  createAction,
  updateAction,
  deleteAction,
  empty,
}: {
  rules: RuleRow[];
  squads: Array<{ slug: string; name: string }>;
  createAction: RuleAction;
  updateAction: RuleAction;
  deleteAction: RuleAction;
  empty: ReactNode;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = useCan("settings.edit");
  const editingRule = canEdit ? rules.find((rule) => rule.id === editing) : undefined;
  const actionsColumn: DataColumn<RuleRow> = {
    key: "actions",
    header: "Actions",
    value: () => null,
    render: (rule) => (
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondary} onClick={() => setEditing(rule.id)}>
          Edit<span className="sr-only"> rule {rule.matchValue}</span>
        </button>
        <DeleteRule rule={rule} action={deleteAction} />
      </div>
    ),
  };
  return (
    <div className="space-y-6">
      {canEdit ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h3 className="mb-3 text-sm font-semibold">Add a rule</h3>
          {squads.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Squads appear once the allocation job has read the `team` tags; rules can be added then.
            </p>
          ) : (
            <RuleForm action={createAction} squads={squads} submitLabel="Add rule" legend="Add an ownership rule" />
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Only admins can add, edit or delete rules.</p>
      )}
      {editingRule ? (
        <div className="rounded-xl border border-brand-500 bg-white p-4 dark:bg-slate-900">
          <h3 className="mb-3 text-sm font-semibold">
            Edit rule <code className="text-xs">{editingRule.matchValue}</code>
          </h3>
          <RuleForm
            key={editingRule.id}
            action={updateAction}
            squads={squads}
            rule={editingRule}
            submitLabel="Save rule"
            legend="Edit the ownership rule"
            onCancel={() => setEditing(null)}
            onSaved={() => setEditing(null)}
          />
        </div>
      ) : null}
      <DataTable
        caption="Ownership rules"
        rows={rules}
        rowKey={(rule) => rule.id}
        filterText={(rule) => `${ruleKindLabel[rule.kind] ?? rule.kind} ${rule.matchValue} ${rule.squad}`}
        filterLabel="Filter rules"
        initialSort={{ key: "priority", direction: "asc" }}
        pageSize={20}
        empty={empty}
        columns={[
          { key: "priority", header: "Priority", numeric: true, sort: "number", value: (rule) => rule.priority },
          { key: "kind", header: "Matches", sort: "text", value: (rule) => ruleKindLabel[rule.kind] ?? rule.kind },
          {
            key: "matchValue",
            header: "Value",
            sort: "text",
            value: (rule) => rule.matchValue,
            render: (rule) => <code className="text-xs">{rule.matchValue}</code>,
          },
          { key: "squad", header: "Squad", sort: "text", value: (rule) => rule.squad },
          ...(canEdit ? [actionsColumn] : []),
        ]}
      />
    </div>
  );
}
