// When a merged fix counts as a realised saving, as a pure function of stored facts.
//
// The rule: the resource's spend lands in one cost group (its account and team tag, and the services its
// kind bills under: cost-group.ts). Compare that group's mean daily cost over the BEFORE_DAYS days
// before the merge day with its mean over the days after the change was seen (the day after the resource
// left inventory or changed type: that day itself may be a partial day). Only settled days count: Cost
// Explorer restates recent days, so a day marked estimated is never used, and at least MIN_DAYS settled days
// are needed on each side. The observed daily drop, turned into a month (x 730 / 24), is the realised saving,
// capped at the projected saving: the group's other resources also move, and a drop bigger than the fix
// cannot be credited to it. No drop (or a rise) realises nothing.
//
// Days between the merge and the change being seen belong to neither side: the change may have taken effect
// at any point in them.
import { Decimal } from "../db/decimal";
import { addDays, type IsoDay } from "../format/dates";

export const BEFORE_DAYS = 7;
export const AFTER_DAYS = 7;
export const MIN_DAYS = 3;
const HOURS_PER_MONTH = 730;
const HOURS_PER_DAY = 24;

export interface GroupCostDay {
  day: IsoDay;
  amount: Decimal;
  /** any row of the group on that day still estimated */
  estimated: boolean;
}

export interface RealisationFacts {
  projectedMonthlySaving: Decimal;
  mergedOn: IsoDay;
  /** the day the change was seen (resource gone, or type changed); null while it has not been */
  changeSeenOn: IsoDay | null;
  /** the cost group's daily totals, one entry a day with data */
  costs: GroupCostDay[];
}

interface Observation {
  beforeDays: number;
  afterDays: number;
  beforeDailyMean: Decimal;
  afterDailyMean: Decimal;
  observedDailyDrop: Decimal;
}

export type RealisationOutcome =
  | { kind: "waiting"; reason: string }
  | ({ kind: "no-drop" } & Observation)
  | ({ kind: "realised"; monthlySaving: Decimal } & Observation);

function settledIn(costs: GroupCostDay[], from: IsoDay, to: IsoDay): GroupCostDay[] {
  return costs.filter((c) => !c.estimated && c.day >= from && c.day <= to);
}

function mean(days: GroupCostDay[]): Decimal {
  return days.reduce((sum, d) => sum.add(d.amount), new Decimal(0)).div(days.length);
}

export function judgeRealisation(facts: RealisationFacts): RealisationOutcome {
  if (facts.changeSeenOn === null) return { kind: "waiting", reason: "the change has not shown in the inventory yet" };
  const before = settledIn(facts.costs, addDays(facts.mergedOn, -BEFORE_DAYS), addDays(facts.mergedOn, -1));
  if (before.length < MIN_DAYS)
    return { kind: "waiting", reason: `fewer than ${MIN_DAYS} settled cost days before the merge` };
  const firstAfter = addDays(facts.changeSeenOn < facts.mergedOn ? facts.mergedOn : facts.changeSeenOn, 1);
  const after = settledIn(facts.costs, firstAfter, addDays(firstAfter, AFTER_DAYS - 1));
  if (after.length < MIN_DAYS)
    return { kind: "waiting", reason: `fewer than ${MIN_DAYS} settled cost days after the change` };
  const beforeDailyMean = mean(before);
  const afterDailyMean = mean(after);
  const observedDailyDrop = beforeDailyMean.sub(afterDailyMean);
  const observation = {
    beforeDays: before.length,
    afterDays: after.length,
    beforeDailyMean,
    afterDailyMean,
    observedDailyDrop,
  };
  if (observedDailyDrop.lte(0)) return { kind: "no-drop", ...observation };
  const observedMonthly = observedDailyDrop.mul(HOURS_PER_MONTH).div(HOURS_PER_DAY);
  return {
    kind: "realised",
    monthlySaving: Decimal.min(observedMonthly, facts.projectedMonthlySaving),
    ...observation,
  };
}
