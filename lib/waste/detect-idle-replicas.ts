// Idle RDS read replicas: a replica (replicaSource set) whose maximum DatabaseConnections never exceeded the
// threshold (0) and whose read IOPS stayed about zero (daily average under the threshold) on every day of
// the lookback. Deleting it saves its instance hours and its storage.
import { parseResourceAttributes } from "../ingest/inventory/resource-attributes";
import { rdsPriceKey } from "../ingest/prices/price-keys";
import { deletionFinding } from "./deletion-finding";
import {
  type DetectionFacts,
  type DetectorResult,
  emptyResult,
  lookbackWindow,
  olderThanWindow,
} from "./detection-facts";
import { completeDaily, max, seriesEvidence } from "./metric-series";
import { monthlyFromHourly, usd } from "./monthly-cost";
import { priceBookOf, PriceLookup } from "./price-book";

export const CONNECTIONS = "AWS/RDS/DatabaseConnections";
export const READ_IOPS = "AWS/RDS/ReadIOPS";
/** RDS's default storage type, for an instance whose type the inventory did not record. */
const DEFAULT_STORAGE_TYPE = "gp2";

export function detectIdleReplicas(facts: DetectionFacts): DetectorResult {
  const result = emptyResult();
  const window = lookbackWindow(facts);
  const { maxConnections, readIopsMax } = facts.thresholds.idleReplica;
  const book = priceBookOf(facts);

  for (const db of facts.resources) {
    if (db.kind !== "RDS_INSTANCE") continue;
    const attributes = parseResourceAttributes("RDS_INSTANCE", db.attributes);
    if (!attributes.replicaSource) continue;
    if (!olderThanWindow(db.launchedAt, window)) continue;
    const rows = facts.metrics.get(db.id);
    const connections = completeDaily(rows, CONNECTIONS, "maximum", window);
    const readIops = completeDaily(rows, READ_IOPS, "average", window);
    if (!connections || !readIops) {
      result.insufficientData.push({
        type: "IDLE_REPLICA",
        resourceRef: db.id,
        resourceId: db.resourceId,
        reason: `DatabaseConnections and ReadIOPS are not stored for every day ${window.from}..${window.to}`,
      });
      continue;
    }
    if (max(connections) > maxConnections || max(readIops) > readIopsMax) continue;

    const prices = new PriceLookup(book, "IDLE_REPLICA", db.resourceId);
    const hourly = db.sizeType
      ? prices.get("RDS_INSTANCE_HOUR", db.region, rdsPriceKey(db.sizeType, attributes.engine, attributes.multiAz))
      : undefined;
    const storageType = attributes.storageType ?? DEFAULT_STORAGE_TYPE;
    const storage = prices.get(
      "RDS_STORAGE_GB_MONTH",
      db.region,
      rdsPriceKey(storageType, attributes.engine, attributes.multiAz),
    );
    if (!hourly || !storage) {
      result.missingPrices.push(...prices.missing);
      continue;
    }
    const instanceMonthly = monthlyFromHourly(hourly.usdPerUnit);
    const storageMonthly = storage.usdPerUnit.mul(attributes.storageGiB);
    const current = instanceMonthly.add(storageMonthly);
    result.findings.push(
      deletionFinding("IDLE_REPLICA", db, current, {
        decisionInputs: {
          sizeType: db.sizeType,
          replicaSource: attributes.replicaSource,
          storageGiB: attributes.storageGiB,
          multiAz: attributes.multiAz,
        },
        evidence: {
          summary:
            `Read replica of ${attributes.replicaSource} with at most ${max(connections)} connections and ` +
            `${Math.round(max(readIops) * 100) / 100} read IOPS a day for ${window.days.length} days: nothing reads from it.`,
          lookbackDays: window.days.length,
          window: { from: window.from, to: window.to },
          metrics: [
            seriesEvidence(rows, CONNECTIONS, "Database connections", "count", window),
            seriesEvidence(rows, READ_IOPS, "Read IOPS", "iops", window),
          ],
          prices: prices.evidence(),
          formula:
            `${db.sizeType} ${hourly.usdPerUnit.toFixed()} USD/h x 730 h = ${usd(instanceMonthly)} + ` +
            `${attributes.storageGiB} GiB x ${storage.usdPerUnit.toFixed()} USD/GB-month = ${usd(storageMonthly)}; ` +
            `after deletion 0: saving ${usd(current)} a month`,
          facts: [
            { label: "Replica of", value: attributes.replicaSource },
            {
              label: "Class and engine",
              value: `${db.sizeType} ${attributes.engine} ${attributes.engineVersion ?? ""}`.trim(),
            },
            { label: "Created", value: db.launchedAt?.toISOString().slice(0, 10) ?? "unknown" },
            { label: "Maximum connections (lookback)", value: `${max(connections)} (threshold ${maxConnections})` },
            {
              label: "Highest daily read IOPS",
              value: `${Math.round(max(readIops) * 100) / 100} (threshold ${readIopsMax})`,
            },
            {
              label: "Storage",
              value: attributes.storageType
                ? `${attributes.storageGiB} GiB ${attributes.storageType}`
                : `${attributes.storageGiB} GiB (type not reported, priced as ${DEFAULT_STORAGE_TYPE}, RDS's default)`,
            },
          ],
          fix: "Delete the replica's aws_db_instance block",
        },
      }),
    );
  }
  return result;
}
