// Rightsizing: a standalone instance whose CPU p95 (the highest daily p95 of the lookback) is under the
// threshold (40%) and whose memory p95, where the CloudWatch agent reports it, is under its threshold (50%).
// It gets the smallest size of its family whose projected p95 (p95 x current vCPUs / candidate vCPUs, for
// CPU and for reported memory, which scales the same way within a family) stays under the target (60%);
// the Graviton equivalent of that size when the instance is tagged arm-ready=true. Both types need a price.
// Instances in an Auto Scaling group or EKS node group are resized through their launch template instead.
import { Decimal } from "../db/decimal";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  lookbackWindow,
  olderThanWindow,
} from "./detection-facts";
import { gravitonType, parseInstanceType, smallerSizes } from "./instance-sizes";
import { completeDaily, hasAny, max, percent, seriesEvidence } from "./metric-series";
import { moneyString, monthlyFromHourly, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";
import { CPU } from "./detect-zombie-instances";

export const MEMORY = "CWAgent/mem_used_percent";

export function detectRightsizing(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const window = lookbackWindow(facts);
  const { cpuP95Percent, memoryP95Percent, targetP95Percent } = facts.thresholds.rightsizing;
  const book = priceBookOf(facts);

  for (const instance of facts.resources) {
    if (instance.kind !== "EC2_INSTANCE" || instance.state !== "running" || !instance.sizeType) continue;
    const attributes = parseResourceAttributes("EC2_INSTANCE", instance.attributes);
    if (attributes.asgName || attributes.eksCluster || attributes.eksNodegroup) continue;
    if (!olderThanWindow(instance.launchedAt, window)) continue;
    const current = parseInstanceType(instance.sizeType);
    if (!current) continue;

    const rows = facts.metrics.get(instance.id);
    const cpuDaily = completeDaily(rows, CPU, "p95", window);
    const memoryReported = hasAny(rows, MEMORY, window);
    const memoryDaily = memoryReported ? completeDaily(rows, MEMORY, "p95", window) : undefined;
    if (!cpuDaily || (memoryReported && !memoryDaily)) {
      result.insufficientData.push({
        type: "RIGHTSIZING",
        resourceRef: instance.id,
        resourceId: instance.resourceId,
        reason: `CPU${memoryReported ? " and memory" : ""} p95 not stored for every day ${window.from}..${window.to}`,
      });
      continue;
    }
    const cpuP95 = max(cpuDaily);
    const memoryP95 = memoryDaily ? max(memoryDaily) : undefined;
    if (cpuP95 >= cpuP95Percent) continue;
    if (memoryP95 !== undefined && memoryP95 >= memoryP95Percent) continue;

    const prices = new PriceLookup(book, "RIGHTSIZING", instance.resourceId);
    const currentPrice = prices.get("EC2_INSTANCE_HOUR", instance.region, instance.sizeType);
    if (!currentPrice) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    // smallest first: the first that fits is the recommendation
    let chosen: { type: string; ratio: number } | undefined;
    for (const candidate of smallerSizes(instance.sizeType)) {
      const size = parseInstanceType(candidate);
      if (!size) continue;
      const ratio = current.vcpus / size.vcpus;
      if (cpuP95 * ratio >= targetP95Percent) continue;
      if (memoryP95 !== undefined && memoryP95 * ratio >= targetP95Percent) continue;
      chosen = { type: candidate, ratio };
      break;
    }
    if (!chosen) continue;

    const armReady = instance.tags["arm-ready"] === "true";
    const graviton = armReady ? gravitonType(chosen.type) : undefined;
    let target = chosen.type;
    let targetPrice = graviton ? prices.get("EC2_INSTANCE_HOUR", instance.region, graviton) : undefined;
    const gravitonPriceMissing = graviton !== undefined && targetPrice === undefined;
    if (graviton && targetPrice) target = graviton;
    else targetPrice = prices.get("EC2_INSTANCE_HOUR", instance.region, chosen.type);
    if (gravitonPriceMissing) result.missingPrices.push(...prices.missing.filter((m) => m.key === graviton));
    if (!targetPrice) {
      result.missingPrices.push(...prices.missing.filter((m) => m.key !== graviton));
      continue;
    }
    const currentMonthly = monthlyFromHourly(currentPrice.usdPerUnit);
    const projectedMonthly = monthlyFromHourly(targetPrice.usdPerUnit);
    const saving = currentMonthly.sub(projectedMonthly);
    if (saving.lte(new Decimal(0))) continue;

    const projectedCpu = cpuP95 * chosen.ratio;
    result.findings.push({
      type: "RIGHTSIZING",
      resourceRef: instance.id,
      resourceId: instance.resourceId,
      accountId: instance.accountId,
      region: instance.region,
      teamTag: instance.teamTag,
      currentMonthlyCost: currentMonthly,
      projectedMonthlyCost: projectedMonthly,
      monthlySaving: saving,
      decisionInputs: { sizeType: instance.sizeType, target, armReady },
      evidence: {
        summary:
          `${instance.sizeType} peaks at ${percent(cpuP95)} CPU (p95)` +
          (memoryP95 !== undefined ? ` and ${percent(memoryP95)} memory` : "") +
          ` over ${window.days.length} days: ${target} would run it at about ${percent(projectedCpu)} CPU.`,
        lookbackDays: window.days.length,
        window: { from: window.from, to: window.to },
        metrics: [
          seriesEvidence(rows, CPU, "CPU utilisation", "percent", window),
          ...(memoryReported ? [seriesEvidence(rows, MEMORY, "Memory used", "percent", window)] : []),
        ],
        prices: prices.evidence(),
        formula:
          `(${instance.sizeType} ${currentPrice.usdPerUnit.toFixed()} - ${target} ${targetPrice.usdPerUnit.toFixed()}) ` +
          `USD/h x 730 h = ${usd(currentMonthly)} - ${usd(projectedMonthly)} = ${usd(saving)} a month`,
        currentMonthlyCost: moneyString(currentMonthly),
        projectedMonthlyCost: moneyString(projectedMonthly),
        monthlySaving: moneyString(saving),
        facts: [
          { label: "Instance type", value: `${instance.sizeType} (${current.vcpus} vCPUs)` },
          { label: "CPU p95 (highest day)", value: `${percent(cpuP95)} (threshold ${cpuP95Percent}%)` },
          {
            label: "Memory p95 (highest day)",
            value: memoryP95 !== undefined ? `${percent(memoryP95)} (threshold ${memoryP95Percent}%)` : "not reported",
          },
          {
            label: "Projected p95 after the change",
            value:
              `CPU ${percent(projectedCpu)}` +
              (memoryP95 !== undefined ? `, memory ${percent(memoryP95 * chosen.ratio)}` : "") +
              ` (target under ${targetP95Percent}%)`,
          },
          { label: "Arm-ready", value: armReady ? "yes (tag arm-ready=true)" : "no" },
          ...(gravitonPriceMissing
            ? [{ label: "Graviton", value: `${graviton} has no price in the price table: the x86 size is proposed` }]
            : []),
        ],
        fix: `Change instance_type to ${target}`,
        estimated: false,
        fixTarget: {
          kind: "resize",
          attribute: "instance_type",
          from: instance.sizeType,
          to: target,
          ...(target === graviton
            ? { architectureChange: { from: attributes.architecture ?? "x86_64", to: "arm64" } }
            : {}),
        },
      },
    });
  }
  return result;
}
