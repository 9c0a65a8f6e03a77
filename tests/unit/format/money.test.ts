import { describe, expect, it } from "vitest";
import { formatUsd, formatUsdCompact, formatUsdWhole } from "@/lib/format/money";

describe("money formatting", () => {
  it("rounds exact decimal strings once, half away from zero", () => {
    expect(formatUsd("1234.565")).toBe("$1,234.57");
    expect(formatUsd("0.005")).toBe("$0.01");
    expect(formatUsd("-0.005")).toBe("-$0.01");
  });

  it("does not lose precision on amounts a float cannot hold", () => {
    // 2^53 + 1 cents would be mangled by Number(); the string path keeps it.
    expect(formatUsd("90071992547409.93")).toBe("$90,071,992,547,409.93");
  });

  it("formats whole dollars and compact axis labels", () => {
    expect(formatUsdWhole("279999.5")).toBe("$280,000");
    expect(formatUsdCompact(280_000)).toBe("$280K");
  });
});
