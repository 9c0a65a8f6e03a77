// Long-stopped instances: stopped for more than the threshold (30 days) and not kept warm in an Auto
// Scaling group's warm pool. A stopped instance bills nothing for compute but its volumes bill on: deleting
// it saves their cost.
import { addDays } from "../format/dates";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { deletionFinding } from "./deletion-finding";
import { type DetectionFacts, type DetectorResult, emptyResult } from "./detection-facts";
import { volumeFacts, volumesById, volumesMonthlyCost } from "./instance-volumes";
import { usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

export function detectStoppedInstances(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const { stoppedDays } = facts.thresholds.stoppedInstance;
  const cutoff = addDays(facts.today, -stoppedDays);
  const book = priceBookOf(facts);
  const volumes = volumesById(facts.resources);

  for (const instance of facts.resources) {
    if (instance.kind !== "EC2_INSTANCE" || instance.state !== "stopped") continue;
    const attributes = parseResourceAttributes("EC2_INSTANCE", instance.attributes);
    // warm pools and node groups stop instances on purpose
    if (attributes.asgName || attributes.eksCluster || attributes.eksNodegroup) continue;
    if (!instance.stateChangedAt) {
      result.insufficientData.push({
        type: "STOPPED_INSTANCE",
        resourceRef: instance.id,
        resourceId: instance.resourceId,
        reason: "EC2 does not say when the instance was stopped",
      });
      continue;
    }
    const stoppedOn = instance.stateChangedAt.toISOString().slice(0, 10);
    if (stoppedOn >= cutoff) continue;

    const prices = new PriceLookup(book, "STOPPED_INSTANCE", instance.resourceId);
    const volumeCost = volumesMonthlyCost(attributes.volumeIds, volumes, prices);
    if (!volumeCost) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    if (volumeCost.total.lte(0)) continue;
    const current = volumeCost.total;
    const days = Math.round((Date.parse(facts.today) - Date.parse(stoppedOn)) / 86_400_000);
    result.findings.push(
      deletionFinding("STOPPED_INSTANCE", instance, current, {
        decisionInputs: {
          state: instance.state,
          stoppedOn,
          volumes: volumeCost.volumes.map((v) => `${v.volumeId}:${v.sizeGiB}:${v.volumeType}`).join(","),
        },
        evidence: {
          summary: `Stopped since ${stoppedOn} (${days} days), yet its volumes still bill ${usd(current)} a month.`,
          lookbackDays: stoppedDays,
          window: { from: stoppedOn, to: addDays(facts.today, -1) },
          metrics: [],
          prices: prices.evidence(),
          formula:
            volumeCost.volumes.map((v) => `${v.sizeGiB} GiB ${v.volumeType} = ${usd(v.monthly)}`).join(" + ") +
            ` = ${usd(current)} a month; after deletion 0`,
          facts: [
            { label: "State", value: `stopped since ${stoppedOn}` },
            { label: "Instance type", value: instance.sizeType ?? "unknown" },
            { label: "Launched", value: instance.launchedAt?.toISOString().slice(0, 10) ?? "unknown" },
            { label: "Auto Scaling group / warm pool", value: "none" },
            ...volumeFacts(volumeCost),
          ],
          fix: "Snapshot the volumes if needed, then delete the aws_instance block",
        },
      }),
    );
  }
  return result;
}
