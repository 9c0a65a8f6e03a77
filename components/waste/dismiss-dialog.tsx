"use client";

import { useId, useRef, useState } from "react";
import { useCan } from "../auth/viewer-context";
import { STATUS_HEADING_ID } from "./recommendation-status";
import { useDismissRecommendation } from "./use-recommendation-state";

export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

const primary =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * "Dismiss" and its dialog: a modal <dialog> (the rest of the page is inert while it is open, so focus
 * stays inside; Escape closes it), asking for the reason the team will read later. Shown to whoever may
 * dismiss it: the squad's lead or an admin (without `squad`, anyone who leads a squad).
 */
export function DismissButton(props: { recommendationId: string; resourceId: string; squad?: string | null }) {
  const allowed = useCan("recommendation.dismiss", props.squad);
  return allowed ? <DismissDialog {...props} /> : null;
}

function DismissDialog({ recommendationId, resourceId }: { recommendationId: string; resourceId: string }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  // Runs from the mutation itself, so it also runs when this button unmounts as the status changes.
  const mutation = useDismissRecommendation(recommendationId, () => {
    dialog.current?.close();
    setReason("");
    // The Dismiss button is gone now; the status that replaced it takes the focus.
    requestAnimationFrame(() => document.getElementById(STATUS_HEADING_ID)?.focus());
  });
  const tooShort = reason.trim().length < REASON_MIN_LENGTH;

  function open() {
    mutation.reset();
    setTouched(false);
    dialog.current?.showModal();
    field.current?.focus();
  }

  function close() {
    dialog.current?.close();
  }

  // A modal dialog already makes the page behind it inert; this keeps Tab from leaving for the browser's
  // own controls too, cycling between the dialog's first and last control.
  function trapTab(event: React.KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab" || !dialog.current) return;
    const controls = [
      ...dialog.current.querySelectorAll<HTMLElement>("textarea, button:not([disabled]), a[href], input, select"),
    ];
    const first = controls[0];
    const last = controls.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mutation.isPending) return;
    mutation.mutate(reason.trim());
  }

  const reasonError =
    touched && tooShort
      ? `Enter a reason of at least ${REASON_MIN_LENGTH} characters: the squad reads it if this comes back.`
      : null;

  return (
    <>
      <button ref={opener} type="button" onClick={open} className={secondary}>
        Dismiss
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        onKeyDown={trapTab}
        onCancel={(event) => {
          if (mutation.isPending) event.preventDefault();
        }}
        onClose={() => {
          if (document.activeElement === document.body || !document.activeElement) opener.current?.focus();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form onSubmit={submit} noValidate className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Dismiss this recommendation?
          </h2>
          <p id={`${id}-description`} className="text-sm text-slate-600 dark:text-slate-400">
            <code className="text-xs">{resourceId}</code> leaves the open list. It comes back only if its evidence
            changes materially.
          </p>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              Reason
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={3}
              ref={field}
              required
              minLength={REASON_MIN_LENGTH}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${id}-reason-hint${reasonError ? ` ${id}-reason-error` : ""}`}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
            />
            <p id={`${id}-reason-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              For example: “Batch host, busy at month end only”. {REASON_MIN_LENGTH} to {REASON_MAX_LENGTH} characters.
            </p>
            {reasonError ? (
              <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                {reasonError}
              </p>
            ) : null}
          </div>
          {mutation.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {mutation.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-3">
            <button type="button" onClick={close} className={secondary} disabled={mutation.isPending}>
              Cancel
            </button>
            <button type="submit" className={primary} disabled={mutation.isPending}>
              {mutation.isPending ? "Dismissing…" : "Dismiss recommendation"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
