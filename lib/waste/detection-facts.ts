// What the detectors read: stored facts only (inventory, daily metrics, prices), loaded once by
// load-detection-facts.ts. Every detector is a pure function of these, so a unit test builds them by hand.
import type { PriceKind, RecommendationType, ResourceKind } from "../db/generated/enums";
import type { Decimal } from "../db/decimal";
import { addDays, type IsoDay } from "../format/dates";
import type { Evidence } from "./evidence";
import type { Thresholds } from "./thresholds";

export interface ResourceFact {
  /** Resource.id: what a recommendation's resourceRef points at */
  id: string;
  kind: ResourceKind;
  resourceId: string;
  accountId: string;
  region: string;
  name: string | null;
  state: string;
  sizeType: string | null;
  tags: Record<string, string>;
  teamTag: string;
  environmentTag: string;
  /** parsed by the detector with the kind's schema (resource-attributes.ts) */
  attributes: unknown;
  launchedAt: Date | null;
  stateChangedAt: Date | null;
  firstSeenAt: Date;
}

export interface MetricFact {
  metric: string;
  day: IsoDay;
  average: number | null;
  maximum: number | null;
  p95: number | null;
  sum: number | null;
  samples: number | null;
}

export interface PriceFact {
  kind: PriceKind;
  region: string;
  key: string;
  unit: string;
  usdPerUnit: Decimal;
  effectiveDate: IsoDay;
}

export interface DetectionFacts {
  today: IsoDay;
  /** the newest day the metrics cover (a closed UTC day); the lookback window ends on it */
  metricsThrough: IsoDay;
  thresholds: Thresholds;
  /** live resources (not gone) */
  resources: ResourceFact[];
  /** metric rows by Resource.id, inside the lookback window */
  metrics: ReadonlyMap<string, MetricFact[]>;
  prices: PriceFact[];
}

/** One piece of waste, ready to be stored as a recommendation. */
export interface Finding {
  type: RecommendationType;
  resourceRef: string | null;
  resourceId: string;
  accountId: string;
  region: string;
  /** the team tag of the resource: names the owner squad when it is a squad's slug */
  teamTag: string;
  currentMonthlyCost: Decimal;
  projectedMonthlyCost: Decimal;
  monthlySaving: Decimal;
  evidence: Evidence;
  /** the rule's decision-relevant inputs, hashed with the rounded saving (evidence-hash.ts) */
  decisionInputs: Record<string, string | number | boolean | null>;
}

/** A resource the rule could not judge: metrics missing. Never a guess, never a finding. */
export interface InsufficientData {
  type: RecommendationType;
  resourceRef: string | null;
  resourceId: string;
  reason: string;
}

export interface MissingPrice {
  type: RecommendationType;
  resourceId: string;
  kind: PriceKind;
  region: string;
  key: string;
}

export interface DetectorResult {
  findings: Finding[];
  insufficientData: InsufficientData[];
  missingPrices: MissingPrice[];
}

export type Detector = (facts: DetectionFacts) => DetectorResult;

export function emptyResult(): DetectorResult {
  return { findings: [], insufficientData: [], missingPrices: [] };
}

export interface LookbackWindow {
  from: IsoDay;
  to: IsoDay;
  days: IsoDay[];
}

/** The lookback: `lookbackDays` closed days ending on the newest day the metrics cover. */
export function lookbackWindow(facts: Pick<DetectionFacts, "metricsThrough" | "thresholds">): LookbackWindow {
  const to = facts.metricsThrough;
  const from = addDays(to, 1 - facts.thresholds.lookbackDays);
  const days = Array.from({ length: facts.thresholds.lookbackDays }, (_, i) => addDays(from, i));
  return { from, to, days };
}

/** True when the resource existed for the whole window (launched no later than the window's first day). */
export function olderThanWindow(launchedAt: Date | null, window: LookbackWindow): boolean {
  return launchedAt !== null && launchedAt.toISOString().slice(0, 10) < window.from;
}
