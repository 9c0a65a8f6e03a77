// What an ownership-rule server action answers the form: saved, or the errors to show beside each field
// (with the values typed, so nothing is lost).
export interface RuleFormState {
  status: "idle" | "saved" | "error";
  message: string;
  fieldErrors: Partial<Record<"kind" | "matchValue" | "squad" | "priority" | "id" | "form", string>> &
    Record<string, string>;
  values?: { id: string; kind: string; matchValue: string; squad: string; priority: number | undefined };
}

export const idleRuleForm: RuleFormState = { status: "idle", message: "", fieldErrors: {} };
