// What an ownership-rule server action answers the form: saved, or the errors to show beside each field
// (with the values typed, so nothing is lost).
import { idleFormState, type ActionFormState } from "../ui/action-form-state";

export type RuleFormState = ActionFormState<{
  id: string;
  kind: string;
  matchValue: string;
  squad: string;
  priority: number | undefined;
}>;

export const idleRuleForm: RuleFormState = idleFormState;
