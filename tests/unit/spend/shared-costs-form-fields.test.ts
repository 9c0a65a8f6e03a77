import { describe, expect, it } from "vitest";
import {
  describeSharedCostChange,
  describeSharedCostPolicy,
  readSharedCostsForm,
  serviceOptions,
  sharedCostsFieldErrors,
  sharedCostsFormValues,
} from "@/components/spend/shared-costs-form-fields";
import { allocationSettingsSchema, defaultAllocationSettings } from "@/lib/allocation/allocation-settings";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("reading the shared-cost policy form", () => {
  it("joins ticked and typed services, trims and drops repeats and blank lines", () => {
    const { input, errors } = readSharedCostsForm(
      form([
        ["sharedServices", "AWS Support (Business)"],
        ["sharedServices", "Amazon GuardDuty"],
        ["otherServices", "  AWS Security Hub \r\n\nAmazon GuardDuty\nAWS Config, Recorder\n"],
        ["sharedUsageGroups", "NAT Gateway"],
        ["sharedClusterTeams", " platform, infra ,,platform\nsre "],
        ["split", "proportional"],
      ]),
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      // a typed name keeps its comma: services are one a line
      sharedServices: ["AWS Support (Business)", "Amazon GuardDuty", "AWS Security Hub", "AWS Config, Recorder"],
      sharedUsageGroups: ["NAT Gateway"],
      sharedClusterTeams: ["platform", "infra", "sre"],
      split: "proportional",
    });
    expect(allocationSettingsSchema.parse(input)).toEqual(input);
  });

  it("gives cleared lists as empty lists, so the schema's defaults cannot come back", () => {
    const { input } = readSharedCostsForm(
      form([
        ["otherServices", ""],
        ["sharedClusterTeams", " "],
        ["split", "even"],
      ]),
    );
    expect(allocationSettingsSchema.parse(input)).toEqual({
      sharedServices: [],
      sharedUsageGroups: [],
      sharedClusterTeams: [],
      split: "even",
    });
  });

  it("reports a missing split instead of letting it default to none, and echoes what was submitted", () => {
    const { errors, values } = readSharedCostsForm(
      form([
        ["sharedServices", "Amazon GuardDuty"],
        ["otherServices", "AWS Security Hub"],
        ["sharedClusterTeams", "platform, sre"],
      ]),
    );
    expect(errors).toEqual({ split: "Choose how shared costs are split." });
    expect(values).toEqual({
      sharedServices: ["Amazon GuardDuty"],
      otherServices: "AWS Security Hub",
      sharedUsageGroups: [],
      sharedClusterTeams: "platform, sre",
      split: "",
    });
  });

  it("turns the schema's issues into one readable message per field", () => {
    const { input } = readSharedCostsForm(
      form([
        ["otherServices", `${"x".repeat(201)}\n${"y".repeat(300)}`],
        ["sharedUsageGroups", "Data transfer"],
        ["sharedClusterTeams", Array.from({ length: 101 }, (_, index) => `team-${index}`).join(",")],
        ["split", "by-headcount"],
      ]),
    );
    const parsed = allocationSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(sharedCostsFieldErrors(parsed.error!.issues)).toEqual({
      sharedServices: "At most 100 services, each name at most 200 characters.",
      sharedUsageGroups: "Choose among the usage groups listed.",
      sharedClusterTeams: "At most 100 team values, each at most 200 characters.",
      split: "Choose how shared costs are split.",
    });
  });

  it("shows a stored policy in the inputs it came from", () => {
    expect(sharedCostsFormValues({ ...defaultAllocationSettings, sharedClusterTeams: ["platform", "sre"] })).toEqual({
      sharedServices: ["AWS Support (Business)", "AWS Support (Developer)", "AWS Support (Enterprise)"],
      otherServices: "",
      sharedUsageGroups: ["NAT Gateway"],
      sharedClusterTeams: "platform, sre",
      split: "none",
    });
  });
});

describe("the services offered", () => {
  it("lists recent services and shared ones not seen lately, once each, by name", () => {
    expect(serviceOptions(["Amazon S3", "AWS Support (Business)"], ["AWS Support (Business)", "AWS Shield"])).toEqual([
      { name: "Amazon S3", seen: true },
      { name: "AWS Shield", seen: false },
      { name: "AWS Support (Business)", seen: true },
    ]);
  });
});

describe("the policy in words", () => {
  it("describes every part of a policy", () => {
    expect(describeSharedCostPolicy({ ...defaultAllocationSettings, sharedServices: [] })).toEqual([
      "Shared services: none",
      "Shared usage groups: NAT Gateway",
      "Shared clusters' teams: platform",
      "Split: Keep a Shared line",
    ]);
  });

  it("describes a change by the parts it touched only", () => {
    const after = {
      ...defaultAllocationSettings,
      split: "proportional" as const,
      sharedClusterTeams: ["platform", "sre"],
    };
    expect(describeSharedCostChange(defaultAllocationSettings, after)).toEqual({
      before: "Shared clusters' teams: platform; Split: Keep a Shared line",
      after: "Shared clusters' teams: platform, sre; Split: Proportional to direct spend",
    });
    expect(describeSharedCostChange(after, after)).toEqual({ before: "no change", after: "no change" });
  });
});
