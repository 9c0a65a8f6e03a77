import { describe, expect, it } from "vitest";
import { buildCsv } from "@/lib/csv/build-csv";
import {
  FOCUS_HEADER,
  focusValues,
  serviceCategory,
  toFocusRow,
  type AllocatedCostRow,
} from "@/lib/review/focus-columns";
import { monthBounds } from "@/lib/review/review-month";
import { parseCsv, validateFocusCsv } from "./focus-validator";

const october = monthBounds("2026-10");

const squadRow: AllocatedCostRow = {
  day: "2026-10-31",
  ownerType: "SQUAD",
  squad: "checkout",
  accountId: "111111111111",
  accountName: "shop-prod",
  service: "Amazon Elastic Compute Cloud - Compute",
  cluster: "prod-eks",
  namespace: "checkout-api",
  rule: "namespace",
  amount: "12.3456789012",
};

const unallocatedRow: AllocatedCostRow = {
  ...squadRow,
  day: "2026-10-01",
  ownerType: "UNALLOCATED",
  squad: "",
  accountName: null,
  service: "Amazon Simple Storage Service",
  cluster: "",
  namespace: "",
  rule: "none",
  amount: "-0.0000000001",
};

describe("FOCUS row mapping", () => {
  it("maps an allocated row to a one-day usage charge with exact amounts", () => {
    expect(toFocusRow(squadRow, october)).toEqual({
      BilledCost: "12.3456789012",
      BillingAccountId: "111111111111",
      BillingAccountName: "shop-prod",
      BillingCurrency: "USD",
      BillingPeriodEnd: "2026-11-01T00:00:00Z",
      BillingPeriodStart: "2026-10-01T00:00:00Z",
      ChargeCategory: "Usage",
      ChargeClass: null,
      ChargeDescription:
        "Amazon Elastic Compute Cloud - Compute (Kubernetes prod-eks/checkout-api), allocated to squad checkout by the namespace rule",
      ChargeFrequency: "Usage-Based",
      ChargePeriodEnd: "2026-11-01T00:00:00Z",
      ChargePeriodStart: "2026-10-31T00:00:00Z",
      ContractedCost: "12.3456789012",
      EffectiveCost: "12.3456789012",
      InvoiceIssuerName: "Amazon Web Services",
      ListCost: "12.3456789012",
      ProviderName: "Amazon Web Services",
      PublisherName: "Amazon Web Services",
      RegionId: null,
      ServiceCategory: "Compute",
      ServiceName: "Amazon Elastic Compute Cloud - Compute",
      SubAccountId: "111111111111",
      SubAccountName: "shop-prod",
      Tags: "{}",
      x_OwnerType: "SQUAD",
      x_Squad: "checkout",
      x_KubernetesCluster: "prod-eks",
      x_KubernetesNamespace: "checkout-api",
      x_AllocationRule: "namespace",
    });
  });

  it("leaves the squad and Kubernetes columns null for unowned spend and records the team tag", () => {
    const row = toFocusRow(unallocatedRow, october);
    expect(row).toMatchObject({
      x_Squad: null,
      x_KubernetesCluster: null,
      ServiceCategory: "Storage",
      BillingAccountName: null,
    });
    expect(toFocusRow({ ...squadRow, rule: "team-tag" }, october).Tags).toBe('{"team":"checkout"}');
  });

  it("puts AWS services in FOCUS service categories", () => {
    expect(serviceCategory("Amazon Relational Database Service")).toBe("Databases");
    expect(serviceCategory("Amazon Virtual Private Cloud")).toBe("Networking");
    expect(serviceCategory("EC2 - Other")).toBe("Compute");
    expect(serviceCategory("AmazonCloudWatch")).toBe("Management and Governance");
    expect(serviceCategory("AWS Support (Business)")).toBe("Other");
  });

  it("writes rows the validator accepts, totalling exactly", () => {
    const csv = buildCsv(
      FOCUS_HEADER,
      [squadRow, unallocatedRow].map((row) => focusValues(toFocusRow(row, october))),
    );
    const result = validateFocusCsv(csv);
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(2);
    expect(result.billedCost.toFixed()).toBe("12.3456789011");
  });

  it("catches what breaks the spec", () => {
    const good = focusValues(toFocusRow(squadRow, october));
    const broken = [...good];
    broken[FOCUS_HEADER.indexOf("BilledCost")] = "1e3";
    broken[FOCUS_HEADER.indexOf("ChargePeriodStart")] = "2026-10-31";
    broken[FOCUS_HEADER.indexOf("ServiceName")] = null;
    broken[FOCUS_HEADER.indexOf("ChargeCategory")] = "Fees";
    const result = validateFocusCsv(buildCsv(FOCUS_HEADER, [broken]));
    expect(result.problems).toEqual([
      "line 2: BilledCost is not a decimal",
      "line 2: ChargeCategory has a value the spec does not allow",
      "line 2: ChargePeriodStart is not an ISO 8601 UTC datetime",
      "line 2: ServiceName must not be null",
    ]);
    const header = FOCUS_HEADER.filter((name) => name !== "ListCost");
    const missing = validateFocusCsv(buildCsv(header, []));
    expect(missing.problems).toEqual(["mandatory column ListCost is missing"]);
  });

  it("parses quoted CSV fields", () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3\r\n')).toEqual([
      ["a", "b,c", 'd "e"'],
      ["1", "2", "3"],
    ]);
  });
});
