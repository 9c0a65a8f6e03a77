import { describe, expect, it } from "vitest";
import {
  fieldErrorsFromIssues,
  readThresholdsForm,
  thresholdFields,
  thresholdFormValues,
} from "@/components/waste/thresholds-form-fields";
import { defaultThresholds, thresholdsSchema } from "@/lib/waste/thresholds";

function submit(values: Record<string, string>) {
  const read = readThresholdsForm({ get: (name) => values[name] ?? null });
  const parsed = thresholdsSchema.safeParse(read.input);
  return {
    ...read,
    parsed,
    errors: { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...read.errors },
  };
}

describe("the detector thresholds form", () => {
  it("has one input for every setting in the schema", () => {
    const leaves = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key))
        : [prefix];
    expect(thresholdFields.map((field) => field.name).sort()).toEqual(leaves(defaultThresholds).sort());
  });

  it("shows the defaults (network in MB) and saves them back unchanged", () => {
    const values = thresholdFormValues(defaultThresholds);
    expect(values["zombie.networkBytesPerDay"]).toBe("5");
    expect(values["nonProd.environments"]).toBe("dev, staging");
    const result = submit(values);
    expect(result.errors).toEqual({});
    expect(result.parsed.success && result.parsed.data).toEqual(defaultThresholds);
  });

  it("converts megabytes to whole bytes without float noise", () => {
    const values = { ...thresholdFormValues(defaultThresholds), "zombie.networkBytesPerDay": "0.1" };
    const result = submit(values);
    expect(result.parsed.success && result.parsed.data.zombie.networkBytesPerDay).toBe(100_000);
    expect(
      thresholdFormValues({ ...defaultThresholds, zombie: { cpuMaxPercent: 5, networkBytesPerDay: 1500 } })[
        "zombie.networkBytesPerDay"
      ],
    ).toBe("0.0015");
  });

  it("reports each bad field with a readable message and echoes what was typed", () => {
    const values = {
      ...thresholdFormValues(defaultThresholds),
      lookbackDays: "0",
      "zombie.cpuMaxPercent": "150",
      "stoppedInstance.stoppedDays": "2.5",
      "orphanVolume.unattachedDays": "",
      "idleReplica.readIopsMax": "lots",
      "nonProd.offHoursStart": "24",
    };
    const result = submit(values);
    expect(result.errors).toEqual({
      lookbackDays: "Must be at least 1 day.",
      "zombie.cpuMaxPercent": "Must be at most 100%.",
      "stoppedInstance.stoppedDays": "Enter a whole number.",
      "orphanVolume.unattachedDays": "Enter a value.",
      "idleReplica.readIopsMax": "Enter a number.",
      "nonProd.offHoursStart": "Must be at most 23.",
    });
    expect(result.values["zombie.cpuMaxPercent"]).toBe("150");
    expect(result.values["idleReplica.readIopsMax"]).toBe("lots");
  });

  it("reads environments as a trimmed list; an empty list turns the detector off", () => {
    const values = { ...thresholdFormValues(defaultThresholds), "nonProd.environments": " dev ,qa,, staging " };
    expect(submit(values).parsed.data?.nonProd.environments).toEqual(["dev", "qa", "staging"]);
    const off = submit({ ...thresholdFormValues(defaultThresholds), "nonProd.environments": "" });
    expect(off.errors).toEqual({});
    expect(off.parsed.data?.nonProd.environments).toEqual([]);
  });
});
