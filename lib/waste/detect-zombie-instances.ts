// Zombie instances: running, CPU max under the threshold and network in+out under the threshold on every
// day of the lookback, serving nothing (no Auto Scaling group, EKS node group or target group). Deleting one
// saves its instance hours and its volumes.
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { deletionFinding } from "./deletion-finding";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  lookbackWindow,
  olderThanWindow,
} from "./detection-facts";
import { describeVolumes, volumeFacts, volumesById, volumesMonthlyCost } from "./instance-volumes";
import { completeDaily, max, megabytes, percent, seriesEvidence } from "./metric-series";
import { monthlyFromHourly, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

export const CPU = "AWS/EC2/CPUUtilization";
export const NETWORK_IN = "AWS/EC2/NetworkIn";
export const NETWORK_OUT = "AWS/EC2/NetworkOut";

export function detectZombieInstances(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const window = lookbackWindow(facts);
  const { cpuMaxPercent, networkBytesPerDay } = facts.thresholds.zombie;
  const book = priceBookOf(facts);
  const volumes = volumesById(facts.resources);

  for (const instance of facts.resources) {
    if (instance.kind !== "EC2_INSTANCE" || instance.state !== "running") continue;
    const attributes = parseResourceAttributes("EC2_INSTANCE", instance.attributes);
    if (attributes.asgName || attributes.eksCluster || attributes.eksNodegroup) continue;
    if (attributes.targetGroupArns.length > 0) continue;
    if (!olderThanWindow(instance.launchedAt, window)) continue;

    const rows = facts.metrics.get(instance.id);
    const cpuMax = completeDaily(rows, CPU, "maximum", window);
    const netIn = completeDaily(rows, NETWORK_IN, "sum", window);
    const netOut = completeDaily(rows, NETWORK_OUT, "sum", window);
    if (!cpuMax || !netIn || !netOut) {
      result.insufficientData.push({
        type: "ZOMBIE_INSTANCE",
        resourceRef: instance.id,
        resourceId: instance.resourceId,
        reason: `CPU maximum and network sums are not stored for every day ${window.from}..${window.to}`,
      });
      continue;
    }
    const network = netIn.map((value, i) => value + (netOut[i] ?? 0));
    if (max(cpuMax) >= cpuMaxPercent || max(network) >= networkBytesPerDay) continue;

    const prices = new PriceLookup(book, "ZOMBIE_INSTANCE", instance.resourceId);
    const hourly = instance.sizeType ? prices.get("EC2_INSTANCE_HOUR", instance.region, instance.sizeType) : undefined;
    const volumeCost = volumesMonthlyCost(attributes.volumeIds, volumes, prices);
    if (!hourly || !volumeCost) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    const instanceMonthly = monthlyFromHourly(hourly.usdPerUnit);
    const current = instanceMonthly.add(volumeCost.total);
    result.findings.push(
      deletionFinding("ZOMBIE_INSTANCE", instance, current, {
        decisionInputs: {
          state: instance.state,
          sizeType: instance.sizeType,
          volumes: volumeCost.volumes.map((v) => `${v.volumeId}:${v.sizeGiB}:${v.volumeType}`).join(","),
        },
        evidence: {
          summary:
            `${instance.sizeType} has run for ${window.days.length} days at most ${percent(max(cpuMax))} CPU and ` +
            `${megabytes(max(network))} of network a day, and serves no load balancer, Auto Scaling group or EKS cluster.`,
          lookbackDays: window.days.length,
          window: { from: window.from, to: window.to },
          metrics: [
            seriesEvidence(rows, CPU, "CPU utilisation", "percent", window),
            seriesEvidence(rows, NETWORK_IN, "Network in", "bytes", window),
            seriesEvidence(rows, NETWORK_OUT, "Network out", "bytes", window),
          ],
          prices: prices.evidence(),
          formula:
            `${instance.sizeType} ${hourly.usdPerUnit.toFixed()} USD/h x 730 h = ${usd(instanceMonthly)}` +
            ` + volumes ${describeVolumes(volumeCost.volumes)} = ${usd(volumeCost.total)}; after deletion 0:` +
            ` saving ${usd(current)} a month`,
          facts: [
            {
              label: "State",
              value: `running since ${instance.stateChangedAt?.toISOString().slice(0, 10) ?? "unknown"}`,
            },
            { label: "Instance type", value: instance.sizeType ?? "unknown" },
            { label: "Launched", value: instance.launchedAt?.toISOString().slice(0, 10) ?? "unknown" },
            { label: "CPU maximum (lookback)", value: `${percent(max(cpuMax))} (threshold ${cpuMaxPercent}%)` },
            {
              label: "Network in+out, busiest day",
              value: `${megabytes(max(network))} (threshold ${megabytes(networkBytesPerDay)})`,
            },
            { label: "Auto Scaling group / EKS / target groups", value: "none" },
            ...volumeFacts(volumeCost),
          ],
          fix: "Delete the aws_instance block (and its volumes) after a final snapshot",
        },
      }),
    );
  }
  return result;
}
