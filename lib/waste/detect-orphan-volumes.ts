// Orphan EBS volumes: unattached (`available`) for longer than the threshold. EC2 does not report when a
// volume was detached: the inventory records it when it sees the change (attributes.detachedAt). When it
// never saw the volume attached, the volume has been unattached at least since CostLens first saw it; if
// that is too recent, its creation time bounds it and the finding is marked estimated, saying so.
import { addDays } from "../format/dates";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { type DetectionFacts, type DetectorResult, emptyResult } from "./detection-facts";
import { ZERO } from "./instance-volumes";
import { moneyString, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

const day = (time: Date | string) => (typeof time === "string" ? time : time.toISOString()).slice(0, 10);

export function detectOrphanVolumes(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const { unattachedDays } = facts.thresholds.orphanVolume;
  const cutoff = addDays(facts.today, -unattachedDays);
  const book = priceBookOf(facts);

  for (const volume of facts.resources) {
    if (volume.kind !== "EBS_VOLUME" || volume.state !== "available") continue;
    const attributes = parseResourceAttributes("EBS_VOLUME", volume.attributes);
    if (attributes.attachedInstanceId) continue;

    let since: string;
    let estimated = false;
    let basis: string;
    if (attributes.detachedAt) {
      since = day(attributes.detachedAt);
      basis = `detached on ${since} (seen by the inventory)`;
    } else if (day(volume.firstSeenAt) < cutoff) {
      since = day(volume.firstSeenAt);
      basis = `unattached whenever CostLens has seen it, since ${since}; EC2 does not say when it was detached`;
    } else {
      since = day(attributes.createTime);
      estimated = true;
      basis =
        `detach time unknown: EC2 does not report it and CostLens first saw the volume unattached on ` +
        `${day(volume.firstSeenAt)}; created ${since}, so the age is an upper bound`;
    }
    if (since >= cutoff) continue;

    const prices = new PriceLookup(book, "ORPHAN_VOLUME", volume.resourceId);
    const price = prices.get("EBS_GB_MONTH", volume.region, attributes.volumeType);
    if (!price) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    const current = price.usdPerUnit.mul(attributes.sizeGiB);
    result.findings.push({
      type: "ORPHAN_VOLUME",
      resourceRef: volume.id,
      resourceId: volume.resourceId,
      accountId: volume.accountId,
      region: volume.region,
      teamTag: volume.teamTag,
      currentMonthlyCost: current,
      projectedMonthlyCost: ZERO,
      monthlySaving: current,
      decisionInputs: {
        state: volume.state,
        sizeGiB: attributes.sizeGiB,
        volumeType: attributes.volumeType,
      },
      evidence: {
        summary: `${attributes.sizeGiB} GiB ${attributes.volumeType} volume attached to nothing, ${basis}.`,
        lookbackDays: unattachedDays,
        window: { from: since, to: addDays(facts.today, -1) },
        metrics: [],
        prices: prices.evidence(),
        formula: `${attributes.sizeGiB} GiB x ${price.usdPerUnit.toFixed()} USD/GB-month = ${usd(current)} a month; after deletion 0`,
        currentMonthlyCost: moneyString(current),
        projectedMonthlyCost: "0",
        monthlySaving: moneyString(current),
        facts: [
          { label: "State", value: "available (unattached)" },
          { label: "Unattached since", value: basis },
          { label: "Created", value: day(attributes.createTime) },
          { label: "Size and type", value: `${attributes.sizeGiB} GiB ${attributes.volumeType}` },
          {
            label: "Account",
            value: volume.accountId || "unknown (EC2 does not name the owner of an unattached volume)",
          },
        ],
        fix: "Snapshot it if the data matters, then delete the aws_ebs_volume block",
        estimated,
      },
    });
  }
  return result;
}
