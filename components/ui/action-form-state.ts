// What a form's server action answers the form through React 19's useActionState: saved, or a message with
// the errors to show beside each field and the values as submitted, so a rejected form keeps what was typed.
export interface ActionFormState<Values> {
  status: "idle" | "saved" | "error";
  message: string;
  /** one message per field name; "form" for what belongs to no field */
  fieldErrors: Record<string, string>;
  values?: Values;
}

export const idleFormState: ActionFormState<never> = { status: "idle", message: "", fieldErrors: {} };
