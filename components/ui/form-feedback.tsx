import type { ActionFormState } from "./action-form-state";

/** A field's error, referenced by the field's aria-describedby so it is read with the field. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-300">
      {message}
    </p>
  ) : null;
}

/** The outcome of the last submission: an alert when it failed, a polite status when it saved. */
export function FormResult({ state }: { state: ActionFormState<unknown> }) {
  if (state.status === "idle") return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={`text-sm ${state.status === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
    >
      {state.message}
    </p>
  );
}
