// Orphan EBS volumes: unattached (`available`) for longer than the threshold. EC2 does not report when a
// volume was detached, so the detach is dated, in order of preference, by:
//   1. the inventory, when it saw the volume change from attached to unattached (attributes.detachedAt);
//   2. the inventory's history, when CostLens has seen it unattached since before the cutoff;
//   3. CloudWatch: AWS/EBS publishes read and write operations only while a volume is attached, so the last
//      day with datapoints is the last day it was attached; days fetched without any are stored as such
//      (samples 0). With no datapoints over the whole window (which starts the day before the cutoff), it
//      was unattached before the cutoff.
// When none of these can tell (the metrics job has not covered the volume yet, or its data starts after
// the cutoff), the volume is insufficient data: never a guess.
import { addDays, type IsoDay } from "../format/dates";
import { EBS_ACTIVITY_METRICS } from "../ingest/metrics/metric-catalog";
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { deletionFinding } from "./deletion-finding";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  type LookbackWindow,
  type MetricFact,
  type ResourceFact,
} from "./detection-facts";
import type { MetricSeries } from "./evidence";
import { seriesEvidence } from "./metric-series";
import { usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

const day = (time: Date | string) => (typeof time === "string" ? time : time.toISOString()).slice(0, 10);

const ACTIVITY_LABELS: Record<(typeof EBS_ACTIVITY_METRICS)[number], string> = {
  "AWS/EBS/VolumeReadOps": "Read operations",
  "AWS/EBS/VolumeWriteOps": "Write operations",
};

/** The days CloudWatch activity must cover to date a detach: the day before the cutoff through the newest day. */
export function volumeActivityWindow(facts: Pick<DetectionFacts, "today" | "metricsThrough" | "thresholds">) {
  const from = addDays(facts.today, -facts.thresholds.orphanVolume.unattachedDays - 1);
  const to = facts.metricsThrough;
  const days: IsoDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return { from, to, days } satisfies LookbackWindow;
}

type Dating =
  { kind: "dated"; since: IsoDay; basis: string; metrics: MetricSeries[] } | { kind: "insufficient"; reason: string };

/** Dates the detach from AWS/EBS activity, for a volume the inventory cannot date. */
function dateFromActivity(facts: DetectionFacts, volume: ResourceFact): Dating {
  const window = volumeActivityWindow(facts);
  const rows = (facts.metrics.get(volume.id) ?? []).filter(
    (row: MetricFact) =>
      (EBS_ACTIVITY_METRICS as readonly string[]).includes(row.metric) &&
      row.day >= window.from &&
      row.day <= window.to,
  );
  const metrics = EBS_ACTIVITY_METRICS.map((metric) =>
    seriesEvidence(rows, metric, ACTIVITY_LABELS[metric], "count", window),
  );
  const active = rows.filter((row) => (row.samples ?? 0) > 0).map((row) => row.day);
  if (active.length > 0) {
    const last = active.reduce((a, b) => (a > b ? a : b));
    return {
      kind: "dated",
      since: last,
      basis: `last read or write activity (CloudWatch AWS/EBS) on ${last}, so attached until then`,
      metrics,
    };
  }
  const observed = new Set(rows.filter((row) => row.samples !== null).map((row) => row.day));
  const firstSeen = day(volume.firstSeenAt);
  const needed = window.days.filter((d) => d < firstSeen);
  const missing = needed.filter((d) => !observed.has(d));
  if (window.to < addDays(firstSeen, -1) || missing.length > 0) {
    return {
      kind: "insufficient",
      reason:
        `detach time unknown: EC2 does not report it, CostLens first saw the volume unattached on ${firstSeen}, ` +
        `and CloudWatch activity (AWS/EBS) is not stored for ${missing.length || "the latest"} of the days ` +
        `${window.from} to ${addDays(firstSeen, -1)} that would date it`,
    };
  }
  const basis = `no read or write activity (CloudWatch AWS/EBS) from ${window.from} to ${window.to}, so detached before ${window.from}`;
  return { kind: "dated", since: window.from, basis, metrics };
}

export function detectOrphanVolumes(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const { unattachedDays } = facts.thresholds.orphanVolume;
  const cutoff = addDays(facts.today, -unattachedDays);
  const book = priceBookOf(facts);

  for (const volume of facts.resources) {
    if (volume.kind !== "EBS_VOLUME" || volume.state !== "available") continue;
    const attributes = parseResourceAttributes("EBS_VOLUME", volume.attributes);
    if (attributes.attachedInstanceId) continue;

    const createDay = day(attributes.createTime);
    let dating: Dating;
    if (attributes.detachedAt) {
      const since = day(attributes.detachedAt);
      dating = {
        kind: "dated",
        since,
        basis: `detached on ${since} (seen by the inventory)`,
        metrics: [],
      };
    } else if (day(volume.firstSeenAt) < cutoff) {
      const since = day(volume.firstSeenAt);
      dating = {
        kind: "dated",
        since,
        basis: `unattached whenever CostLens has seen it, since ${since}; EC2 does not say when it was detached`,
        metrics: [],
      };
    } else if (createDay >= cutoff) {
      continue; // too young to have been unattached for the threshold, whatever happened since
    } else {
      dating = dateFromActivity(facts, volume);
    }
    if (dating.kind === "insufficient") {
      result.insufficientData.push({
        type: "ORPHAN_VOLUME",
        resourceRef: volume.id,
        resourceId: volume.resourceId,
        reason: dating.reason,
      });
      continue;
    }
    const { since, basis, metrics } = dating;
    if (since >= cutoff) continue;

    const prices = new PriceLookup(book, "ORPHAN_VOLUME", volume.resourceId);
    const price = prices.get("EBS_GB_MONTH", volume.region, attributes.volumeType);
    if (!price) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    const current = price.usdPerUnit.mul(attributes.sizeGiB);
    result.findings.push(
      deletionFinding("ORPHAN_VOLUME", volume, current, {
        decisionInputs: {
          state: volume.state,
          sizeGiB: attributes.sizeGiB,
          volumeType: attributes.volumeType,
        },
        evidence: {
          summary: `${attributes.sizeGiB} GiB ${attributes.volumeType} volume attached to nothing, ${basis}.`,
          lookbackDays: unattachedDays,
          window: { from: since, to: addDays(facts.today, -1) },
          metrics,
          prices: prices.evidence(),
          formula: `${attributes.sizeGiB} GiB x ${price.usdPerUnit.toFixed()} USD/GB-month = ${usd(current)} a month; after deletion 0`,
          facts: [
            { label: "State", value: "available (unattached)" },
            { label: "Unattached since", value: basis },
            { label: "Created", value: createDay },
            { label: "Size and type", value: `${attributes.sizeGiB} GiB ${attributes.volumeType}` },
            {
              label: "Account",
              value: volume.accountId || "unknown (EC2 does not name the owner of an unattached volume)",
            },
          ],
          fix: "Snapshot it if the data matters, then delete the aws_ebs_volume block",
        },
      }),
    );
  }
  return result;
}
