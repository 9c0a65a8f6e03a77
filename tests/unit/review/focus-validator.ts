// A checker for FOCUS CSV files as the FOCUS v1.0 specification describes them: the mandatory columns
// present, every value of its column's type (decimal, ISO 8601 UTC datetime, string, JSON object), no null
// where the spec forbids one, the enumerated columns within their allowed values, and charge periods inside
// the billing period. It returns every problem (capped) and the exact BilledCost total.
import { Decimal } from "@/lib/db/decimal";
import { FOCUS_COLUMNS, SERVICE_CATEGORIES } from "@/lib/review/focus-columns";

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else field += char;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

const MANDATORY_V1 = [
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "ContractedCost",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "ProviderName",
  "PublisherName",
  "ServiceCategory",
  "ServiceName",
];

const allowed: Record<string, readonly string[]> = {
  ChargeCategory: ["Usage", "Purchase", "Tax", "Credit", "Adjustment"],
  ChargeClass: ["Correction"],
  ChargeFrequency: ["One-Time", "Recurring", "Usage-Based"],
  ServiceCategory: [
    ...SERVICE_CATEGORIES,
    "Business Applications",
    "Identity",
    "Internet of Things",
    "Media",
    "Migration",
    "Mobile",
    "Multicloud",
    "Web",
  ],
};

const decimal = /^-?\d+(\.\d+)?$/;
const utcDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export interface FocusValidation {
  problems: string[];
  rows: number;
  billedCost: Decimal;
}

export function validateFocusCsv(text: string, maxProblems = 20): FocusValidation {
  const [header = [], ...rows] = parseCsv(text);
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < maxProblems) problems.push(problem);
  };
  for (const name of MANDATORY_V1) if (!header.includes(name)) report(`mandatory column ${name} is missing`);
  for (const name of header) {
    if (!/^[A-Z][A-Za-z]*$/.test(name) && !/^x_[A-Za-z]+$/.test(name))
      report(`column ${name} is neither FOCUS nor x_-prefixed`);
  }
  const column = new Map(header.map((name, index) => [name, index]));
  let billedCost = new Decimal(0);
  rows.forEach((row, rowIndex) => {
    const line = rowIndex + 2;
    if (row.length !== header.length) {
      report(`line ${line} has ${row.length} fields, the header ${header.length}`);
      return;
    }
    const value = (name: string) => {
      const text = row[column.get(name)!];
      return text === undefined || text === "" ? null : text;
    };
    for (const spec of FOCUS_COLUMNS) {
      if (!column.has(spec.name)) continue;
      const text = value(spec.name);
      if (text === null) {
        if (!spec.nullable) report(`line ${line}: ${spec.name} must not be null`);
        continue;
      }
      if (spec.type === "decimal" && !decimal.test(text)) report(`line ${line}: ${spec.name} is not a decimal`);
      if (spec.type === "datetime" && (!utcDateTime.test(text) || Number.isNaN(Date.parse(text)))) {
        report(`line ${line}: ${spec.name} is not an ISO 8601 UTC datetime`);
      }
      if (spec.type === "json") {
        try {
          const parsed: unknown = JSON.parse(text);
          if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
            report(`line ${line}: ${spec.name} is not a JSON object`);
        } catch {
          report(`line ${line}: ${spec.name} is not JSON`);
        }
      }
      const values = allowed[spec.name];
      if (values && !values.includes(text)) report(`line ${line}: ${spec.name} has a value the spec does not allow`);
    }
    if (!/^[A-Z]{3}$/.test(value("BillingCurrency") ?? ""))
      report(`line ${line}: BillingCurrency is not an ISO 4217 code`);
    const start = Date.parse(value("ChargePeriodStart") ?? "");
    const end = Date.parse(value("ChargePeriodEnd") ?? "");
    const billingStart = Date.parse(value("BillingPeriodStart") ?? "");
    const billingEnd = Date.parse(value("BillingPeriodEnd") ?? "");
    if (!(start < end)) report(`line ${line}: ChargePeriodStart is not before ChargePeriodEnd`);
    if (!(billingStart <= start && end <= billingEnd))
      report(`line ${line}: the charge period is outside the billing period`);
    const billed = value("BilledCost");
    if (billed && decimal.test(billed)) billedCost = billedCost.plus(billed);
  });
  return { problems, rows: rows.length, billedCost };
}
