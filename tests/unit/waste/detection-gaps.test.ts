import { describe, expect, it } from "vitest";
import { detectionGaps } from "@/lib/waste/run-detection";
import { volume } from "./facts";

describe("detectionGaps", () => {
  const stored = volume({ id: "ref-1", resourceId: "vol-1", accountId: "111111111111", region: "eu-west-1" });
  const places = { byRef: new Map([["ref-1", stored]]), byResourceId: new Map([["vol-1", stored]]) };

  it("one row a resource, its reasons joined, placed by the stored resource", () => {
    const gaps = detectionGaps(
      "ORPHAN_VOLUME",
      {
        insufficientData: [{ type: "ORPHAN_VOLUME", resourceRef: "ref-1", resourceId: "vol-1", reason: "no activity" }],
        missingPrices: [
          { type: "ORPHAN_VOLUME", resourceId: "vol-1", kind: "EBS_GB_MONTH", region: "eu-west-1", key: "sc1" },
          { type: "ORPHAN_VOLUME", resourceId: "vol-1", kind: "EBS_GB_MONTH", region: "eu-west-1", key: "sc1" },
        ],
      },
      places,
    );
    expect(gaps).toEqual([
      {
        type: "ORPHAN_VOLUME",
        resourceId: "vol-1",
        accountId: "111111111111",
        region: "eu-west-1",
        resourceRef: "ref-1",
        reason: 'no activity; price missing: EBS_GB_MONTH "sc1" in eu-west-1',
      },
    ]);
  });

  it("a resource the inventory does not hold keeps the detector's region and an unknown account", () => {
    const gaps = detectionGaps(
      "NAT_WASTE",
      {
        insufficientData: [],
        missingPrices: [{ type: "NAT_WASTE", resourceId: "nat-9", kind: "NAT_GB", region: "us-west-2", key: "" }],
      },
      places,
    );
    expect(gaps).toMatchObject([
      { resourceId: "nat-9", accountId: "", region: "us-west-2", reason: "price missing: NAT_GB in us-west-2" },
    ]);
  });
});
