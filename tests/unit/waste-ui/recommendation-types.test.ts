import { describe, expect, it } from "vitest";
import {
  recommendationHref,
  recommendationTypes,
  typeFromSlug,
  typeLabel,
  typeToSlug,
  wasteTypeHref,
} from "@/components/waste/recommendation-types";

describe("recommendation types in URLs", () => {
  it("round-trips every type through its kebab-case slug", () => {
    expect(recommendationTypes).toHaveLength(7);
    for (const type of recommendationTypes) expect(typeFromSlug(typeToSlug(type))).toBe(type);
    expect(typeToSlug("ZOMBIE_INSTANCE")).toBe("zombie-instance");
    expect(typeToSlug("NON_PROD_ALWAYS_ON")).toBe("non-prod-always-on");
  });

  it("accepts only the kebab spelling of a known type", () => {
    expect(typeFromSlug("ZOMBIE_INSTANCE")).toBeNull();
    expect(typeFromSlug("zombie_instance")).toBeNull();
    expect(typeFromSlug("zombie")).toBeNull();
    expect(typeFromSlug("zombie-instance-")).toBeNull();
    expect(typeFromSlug("recommendations")).toBeNull();
    expect(typeFromSlug("")).toBeNull();
  });

  it("builds links that keep the squad filter and escape ids", () => {
    expect(wasteTypeHref("ORPHAN_VOLUME")).toBe("/waste/orphan-volume");
    expect(wasteTypeHref("ORPHAN_VOLUME", { squad: "checkout" })).toBe("/waste/orphan-volume?squad=checkout");
    expect(recommendationHref("cm1 2/3")).toBe("/waste/recommendations/cm1%202%2F3");
  });

  it("labels types for people, falling back to the raw value", () => {
    expect(typeLabel("IDLE_REPLICA")).toBe("Idle RDS replica");
    expect(typeLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
