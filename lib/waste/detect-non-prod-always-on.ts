// Non-production always on: an Auto Scaling group (an EKS node group's, or a plain one) tagged with a
// non-production environment (dev, staging) whose instances ran around the clock on every day of the
// lookback. Scheduling it to zero outside office hours (19:00-08:00 on weekdays, all weekend) saves the off
// hours' share of the week: off hours / 168 of the fleet's cost. Standalone instances are left out: the fix
// is an aws_autoscaling_schedule (or a node group scaled to zero), which they cannot take.
import { Decimal } from "../db/decimal";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  lookbackWindow,
  type ResourceFact,
} from "./detection-facts";
import { metricDays, seriesEvidence } from "./metric-series";
import { HOURS_PER_MONTH, moneyString, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";
import { CPU } from "./detect-zombie-instances";

const HOURS_PER_WEEK = 168;
/** A day counts as "on all day" when it has at least this share of the instance's fullest day's samples. */
const FULL_DAY_SHARE = 0.9;

export function offHoursPerWeek(offHoursStart: number, offHoursEnd: number): number {
  const onHoursPerWeekday = (offHoursStart - offHoursEnd + 24) % 24;
  return HOURS_PER_WEEK - 5 * onHoursPerWeekday;
}

export function detectNonProdAlwaysOn(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const window = lookbackWindow(facts);
  const { environments, offHoursStart, offHoursEnd } = facts.thresholds.nonProd;
  const nonProd = new Set(environments.map((e) => e.toLowerCase()));
  const offHours = offHoursPerWeek(offHoursStart, offHoursEnd);
  const book = priceBookOf(facts);
  const instances = new Map(
    facts.resources.filter((r) => r.kind === "EC2_INSTANCE").map((r) => [r.resourceId, r] as const),
  );

  for (const group of facts.resources) {
    if (group.kind !== "AUTO_SCALING_GROUP") continue;
    const environment = (group.environmentTag || group.tags.environment || "").toLowerCase();
    if (!nonProd.has(environment)) continue;
    const attributes = parseResourceAttributes("AUTO_SCALING_GROUP", group.attributes);
    const members = attributes.instanceIds
      .map((id) => instances.get(id))
      .filter((i): i is ResourceFact => i !== undefined && i.state === "running");
    if (members.length === 0 || attributes.desiredCapacity === 0) continue;

    const withData = members.filter((m) => metricDays(facts.metrics.get(m.id), CPU, window).size > 0);
    if (withData.length === 0) {
      result.insufficientData.push({
        type: "NON_PROD_ALWAYS_ON",
        resourceRef: group.id,
        resourceId: group.resourceId,
        reason: `no CPU metrics of its instances for ${window.from}..${window.to}`,
      });
      continue;
    }
    // every day of the window some instance ran, and every instance ran all day on every day it existed
    const daysCovered = new Set<string>();
    let allDay = true;
    for (const member of withData) {
      const days = metricDays(facts.metrics.get(member.id), CPU, window);
      const fullest = Math.max(...[...days.values()].map((d) => d.samples ?? 0));
      for (const [day, row] of days) {
        daysCovered.add(day);
        if (fullest > 0 && (row.samples ?? fullest) < fullest * FULL_DAY_SHARE) allDay = false;
      }
    }
    const everyDay = window.days.every((day) => daysCovered.has(day));
    if (!everyDay || !allDay) continue;

    const prices = new PriceLookup(book, "NON_PROD_ALWAYS_ON", group.resourceId);
    let hourly = new Decimal(0);
    let priced = true;
    const types = new Map<string, number>();
    for (const member of members) {
      const price = member.sizeType ? prices.get("EC2_INSTANCE_HOUR", member.region, member.sizeType) : undefined;
      if (!price) {
        priced = false;
        continue;
      }
      hourly = hourly.add(price.usdPerUnit);
      types.set(member.sizeType ?? "", (types.get(member.sizeType ?? "") ?? 0) + 1);
    }
    if (!priced) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    const current = hourly.mul(HOURS_PER_MONTH);
    const saving = current.mul(offHours).div(HOURS_PER_WEEK);
    const projected = current.sub(saving);
    const cluster =
      group.tags["eks:cluster-name"] ?? members.find((m) => m.tags["eks:cluster-name"])?.tags["eks:cluster-name"];
    const fleet = [...types].map(([type, count]) => `${count} x ${type}`).join(", ");
    const sample = withData[0]!;
    result.findings.push({
      type: "NON_PROD_ALWAYS_ON",
      resourceRef: group.id,
      resourceId: cluster ?? group.resourceId,
      accountId: group.accountId,
      region: group.region,
      teamTag: group.teamTag,
      currentMonthlyCost: current,
      projectedMonthlyCost: projected,
      monthlySaving: saving,
      decisionInputs: { environment, fleet, offHours, group: group.resourceId },
      evidence: {
        summary:
          `${cluster ? `EKS cluster ${cluster}` : `Auto Scaling group ${group.resourceId}`} (${environment}) runs ` +
          `${fleet} around the clock, nights and weekends included.`,
        lookbackDays: window.days.length,
        window: { from: window.from, to: window.to },
        metrics: [
          seriesEvidence(
            facts.metrics.get(sample.id),
            CPU,
            `CPU utilisation of ${sample.resourceId}`,
            "percent",
            window,
          ),
        ],
        prices: prices.evidence(),
        formula:
          `fleet ${hourly.toFixed()} USD/h x 730 h = ${usd(current)} a month; off ${offHoursStart}:00-${offHoursEnd}:00 ` +
          `on weekdays and all weekend = ${offHours} of 168 hours: saving ${usd(current)} x ${offHours}/168 = ${usd(saving)}`,
        currentMonthlyCost: moneyString(current),
        projectedMonthlyCost: moneyString(projected),
        monthlySaving: moneyString(saving),
        facts: [
          { label: "Environment", value: environment },
          { label: "Auto Scaling group", value: group.resourceId },
          ...(cluster ? [{ label: "EKS cluster", value: cluster }] : []),
          { label: "Instances", value: fleet },
          { label: "Desired capacity", value: String(attributes.desiredCapacity) },
          { label: "Running on every day of the lookback", value: "yes, all day" },
        ],
        fix: cluster
          ? `Scale the node group of ${cluster} to zero ${offHoursStart}:00-${offHoursEnd}:00 on weekdays and all weekend (aws_autoscaling_schedule pair)`
          : `Add an aws_autoscaling_schedule pair: to 0 at ${offHoursStart}:00 on weekdays, back at ${offHoursEnd}:00 on weekdays`,
        estimated: false,
        fixTarget: {
          kind: "schedule",
          autoScalingGroupNames: [group.resourceId],
          clusterName: cluster ?? null,
          minSize: attributes.minSize,
          maxSize: attributes.maxSize,
          desiredCapacity: attributes.desiredCapacity,
          offHoursStart,
          offHoursEnd,
          timeZone: null,
        },
      },
    });
  }
  return result;
}
