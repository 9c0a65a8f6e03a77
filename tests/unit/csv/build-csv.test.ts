import { describe, expect, it } from "vitest";
import { buildCsv, csvField, csvFileName } from "@/lib/csv/build-csv";

describe("CSV fields", () => {
  it("leaves plain text and exact amounts alone", () => {
    expect(csvField("checkout")).toBe("checkout");
    expect(csvField("1234.5678901234")).toBe("1234.5678901234");
    expect(csvField("-12.50")).toBe("-12.50");
    expect(csvField(42)).toBe("42");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("Amazon Elastic Compute Cloud, Compute")).toBe('"Amazon Elastic Compute Cloud, Compute"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
  });

  it("writes empty fields for missing values", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1+2")).toBe("'+1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-3")).toBe("-3");
  });
});

describe("CSV files", () => {
  it("joins rows with CRLF and ends with one", () => {
    expect(
      buildCsv(
        ["day", "checkout-api", "Total"],
        [
          ["2026-10-01", "1.10", "1.10"],
          ["2026-10-02", "2.2000000001", "2.2000000001"],
        ],
      ),
    ).toBe("day,checkout-api,Total\r\n2026-10-01,1.10,1.10\r\n2026-10-02,2.2000000001,2.2000000001\r\n");
  });

  it("refuses a row whose width differs from the header", () => {
    expect(() => buildCsv(["a", "b"], [["1"]])).toThrow(/row 1 has 1 fields/);
  });

  it("makes safe file names", () => {
    expect(csvFileName("Squad checkout", "by namespace", "2026-10-01", "2026-11-01")).toBe(
      "squad-checkout-by-namespace-2026-10-01-2026-11-01.csv",
    );
    expect(csvFileName("///")).toBe("export.csv");
  });
});
