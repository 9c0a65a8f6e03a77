import { describe, expect, it } from "vitest";
import { detectNonProdAlwaysOn, offHoursPerWeek } from "@/lib/waste/detect-non-prod-always-on";
import { daily, DAYS, facts, instance, resource } from "./facts";

function group(environment: string, members: string[], tags: Record<string, string> = {}) {
  return resource("AUTO_SCALING_GROUP", {
    resourceId: `eks-${environment}-default`,
    state: "active",
    environmentTag: environment,
    tags: { environment, ...tags },
    attributes: {
      instanceIds: members,
      warmPoolInstanceIds: [],
      targetGroupArns: [],
      minSize: 1,
      maxSize: 10,
      desiredCapacity: members.length,
    },
  });
}

const allDay = () => daily("AWS/EC2/CPUUtilization", () => ({ average: 12, maximum: 40, p95: 25, samples: 288 }));

describe("detectNonProdAlwaysOn", () => {
  it("office hours 08:00-19:00 on weekdays leave 113 of 168 hours off", () => {
    expect(offHoursPerWeek(19, 8)).toBe(113);
  });

  it("schedules an always-on staging EKS node group: saving is 113/168 of the fleet", () => {
    const nodes = [1, 2].map((n) =>
      instance(
        { resourceId: `i-${n}`, sizeType: "m5.2xlarge" },
        { asgName: "eks-staging-default", eksCluster: "staging" },
      ),
    );
    const asg = group("staging", ["i-1", "i-2"], { "eks:cluster-name": "staging" });
    const [finding] = detectNonProdAlwaysOn(
      facts([asg, ...nodes], Object.fromEntries(nodes.map((n) => [n.id, allDay()]))),
    ).findings;
    expect(finding!.resourceId).toBe("staging");
    // 2 x 0.384 x 730 = 560.64; x 113/168
    expect(finding!.monthlySaving.toFixed(6)).toBe("377.097143");
    expect(finding!.evidence.fix).toContain("Scale the node group of staging to zero");
    expect(finding!.evidence.fixTarget).toEqual({
      kind: "schedule",
      autoScalingGroupNames: ["eks-staging-default"],
      clusterName: "staging",
      minSize: 1,
      maxSize: 10,
      desiredCapacity: 2,
      offHoursStart: 19,
      offHoursEnd: 8,
      timeZone: null,
    });
  });

  it("leaves alone production, and a group already off at weekends", () => {
    const a = instance({ resourceId: "i-a", sizeType: "m5.2xlarge" });
    const b = instance({ resourceId: "i-b", sizeType: "m5.2xlarge" });
    const weekends = new Set(DAYS.filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())));
    const result = detectNonProdAlwaysOn(
      facts([group("production", ["i-a"]), group("dev", ["i-b"]), a, b], {
        [a.id]: allDay(),
        [b.id]: allDay().filter((row) => !weekends.has(row.day)),
      }),
    );
    expect(result.findings).toEqual([]);
  });

  it("reports a group with no metrics as insufficient data", () => {
    const a = instance({ resourceId: "i-a", sizeType: "m5.2xlarge" });
    const result = detectNonProdAlwaysOn(facts([group("dev", ["i-a"]), a]));
    expect(result.findings).toEqual([]);
    expect(result.insufficientData).toHaveLength(1);
  });
});
