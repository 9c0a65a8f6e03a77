// Types that change over time: a merged rightsizing pull request changes an instance's type from a day on,
// and costs before that day keep the old type.
import type { Day, TypeChange } from "../org/model";

/** The type in effect on a day: the latest change on or before it, else the current type. */
export function typeOnDay(current: string, history: TypeChange[] | undefined, day: Day): string {
  if (!history || history.length === 0) return current;
  let type = history[0]?.type ?? current;
  for (const change of history) if (change.fromDay <= day) type = change.type;
  return type;
}

/** The history after changing from `previous` (in effect since `since`) to `next` on `day`. */
export function withTypeChange(
  history: TypeChange[] | undefined,
  previous: string,
  since: Day,
  next: string,
  day: Day,
): TypeChange[] {
  const base = history && history.length > 0 ? history : [{ fromDay: since, type: previous }];
  return [...base.filter((change) => change.fromDay < day), { fromDay: day, type: next }];
}
