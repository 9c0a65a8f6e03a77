import { describe, expect, it } from "vitest";
import { recommendationItemSchema } from "@/components/waste/recommendation-schemas";
import { readWasteSummary } from "@/components/waste/waste-summary-schema";
import { Decimal } from "@/lib/db/decimal";

describe("reading the waste summary and list items", () => {
  it("keeps money exact and works out the year from the month without floats", () => {
    const view = readWasteSummary({
      total: "1234.5678",
      count: 3,
      byType: [{ type: "ZOMBIE_INSTANCE", count: 2, monthlySaving: new Decimal("1000.1") }],
      bySquad: [
        { squad: "checkout", count: 2, monthlySaving: "1000.1" },
        { squad: null, count: 1, monthlySaving: "234.4678" },
      ],
    });
    expect(view.monthlySaving).toBe("1234.5678");
    expect(view.yearlySaving).toBe("14814.8136");
    expect(view.byType[0]?.monthlySaving).toBe("1000.1");
    // Without a gross figure (no overlaps reported), a type's own total is its net saving.
    expect(view.byType[0]?.grossMonthlySaving).toBe("1000.1");
    expect(view.bySquad[1]?.squad).toBeNull();
  });

  it("keeps a type's own total, overlaps included, beside its net saving", () => {
    const view = readWasteSummary({
      total: "300",
      count: 1,
      byType: [
        { type: "ZOMBIE_INSTANCE", count: 1, monthlySaving: "300", grossMonthlySaving: "300" },
        { type: "RIGHTSIZING", count: 0, monthlySaving: "0", grossMonthlySaving: "120.5" },
      ],
      bySquad: [{ squad: "search", count: 1, monthlySaving: "300" }],
    });
    expect(view.byType.map((row) => [row.type, row.monthlySaving, row.grossMonthlySaving])).toEqual([
      ["ZOMBIE_INSTANCE", "300", "300"],
      ["RIGHTSIZING", "0", "120.5"],
    ]);
  });

  it("rejects a summary with an unknown type or a float-formatted amount", () => {
    expect(() =>
      readWasteSummary({ total: "1", count: 0, byType: [{ type: "X", count: 0, monthlySaving: "0" }], bySquad: [] }),
    ).toThrow();
    expect(() => readWasteSummary({ total: "1e3", count: 0, byType: [], bySquad: [] })).toThrow();
  });

  it("normalises a list item's Decimal and Date values from the server's first render", () => {
    const item = recommendationItemSchema.parse({
      id: "r1",
      type: "ORPHAN_VOLUME",
      resourceId: "vol-1",
      accountId: "111122223333",
      region: "us-east-1",
      squad: null,
      status: "OPEN",
      monthlySaving: new Decimal("8.0000000001"),
      currentMonthlyCost: "8.0000000001",
      projectedMonthlyCost: "0",
      terraformAddress: null,
      detectedAt: new Date("2026-11-20T10:00:00.000Z"),
    });
    expect(item.monthlySaving).toBe("8.0000000001");
    expect(item.detectedAt).toBe("2026-11-20T10:00:00.000Z");
  });
});
