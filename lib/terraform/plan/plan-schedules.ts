// Non-production always on: a new file with a pair of aws_autoscaling_schedule resources per Auto Scaling
// group: down to zero at the end of the working day on weekdays, back to its sizes in the morning on
// weekdays. Friday evening's stop holds until Monday morning, so the weekend is off too. Times are UTC
// unless the target names a time zone.
import type { FixOutcome } from "../fix-plan";
import { quote, renderFile, terraformName, type ResourceSpec } from "../hcl/render-hcl";
import type { IndexEntry } from "../index/index-entry";
import { existingResourceNames, freePath, uniqueName } from "./new-file-names";
import { PlanFiles, refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { lookUp, noConfiguration, notManaged, singleRootModule } from "./resolve-entries";

type ScheduleTarget = Extract<NonNullable<FixInput["fixTarget"]>, { kind: "schedule" }>;

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

function groupLabel(entry: IndexEntry, groupName: string): string {
  if (entry.type === "aws_eks_node_group") return terraformName(`${entry.name}_nodes`);
  if (entry.modulePath || entry.indexKey !== null) return terraformName(groupName);
  return terraformName(entry.name);
}

export async function planSchedules(inputs: FixInput[], context: FixContext): Promise<FixOutcome> {
  if (context.index.rootModules.length === 0) return noConfiguration();
  const untargeted = inputs.find((i) => i.fixTarget?.kind !== "schedule");
  if (untargeted)
    return refusal(
      "block-not-found",
      `The evidence of ${untargeted.resourceId} does not name its Auto Scaling groups yet; it is filled in by the next detection run.`,
    );
  const targets = inputs.map((i) => i.fixTarget as ScheduleTarget);
  const { entries, missing } = lookUp(
    context.index,
    inputs,
    (i) => (i.fixTarget as ScheduleTarget).autoScalingGroupNames,
  );
  if (missing.length > 0)
    return notManaged(
      inputs.filter((i) => (i.fixTarget as ScheduleTarget).autoScalingGroupNames.some((g) => missing.includes(g))),
      missing,
    );
  const root = singleRootModule(entries);
  if (typeof root !== "string") return root;

  const files = new PlanFiles(context);
  const taken = await existingResourceNames(files, context, root, "aws_autoscaling_schedule");
  const resources: ResourceSpec[] = [];
  const notes = new Set<string>();
  let k = 0;
  for (const target of targets) {
    for (const groupName of target.autoScalingGroupNames) {
      const entry = entries[k++]!;
      const group = entry.reference && entry.rootModule === root ? entry.reference : quote(groupName);
      const label = groupLabel(entry, groupName);
      const zone: Array<[string, string]> = target.timeZone ? [["time_zone", quote(target.timeZone)]] : [];
      const schedule = (suffix: string, action: string, at: number, sizes: [number, number, number]): ResourceSpec => ({
        type: "aws_autoscaling_schedule",
        name: uniqueName(`${label}_${suffix}`, taken),
        provider: entry.provider,
        groups: [
          [
            ["scheduled_action_name", quote(action)],
            ["autoscaling_group_name", group],
            ["recurrence", quote(`0 ${at} * * 1-5`)],
            ...zone,
            ["min_size", String(sizes[0])],
            ["max_size", String(sizes[1])],
            ["desired_capacity", String(sizes[2])],
          ],
        ],
      });
      resources.push(
        schedule("off_hours_stop", "costlens-off-hours-stop", target.offHoursStart, [0, 0, 0]),
        schedule("office_hours_start", "costlens-office-hours-start", target.offHoursEnd, [
          target.minSize,
          target.maxSize,
          target.desiredCapacity,
        ]),
      );
      if (entry.type === "aws_eks_node_group")
        notes.add(
          `${entry.address}: the schedules act on the node group's Auto Scaling group ${groupName}; EKS resets its sizes to scaling_config on the next node group update, so keep scaling_config in line.`,
        );
    }
    notes.add(
      `Off ${hour(target.offHoursStart)}-${hour(target.offHoursEnd)} on weekdays and from Friday ${hour(target.offHoursStart)} to Monday ${hour(target.offHoursEnd)}, ` +
        (target.timeZone
          ? `in ${target.timeZone}.`
          : "in UTC (no time zone is known for the team): adjust recurrence or add time_zone if needed."),
    );
  }
  const stem = `off-hours-schedules-${[...new Set(resources.map((r) => r.name.replace(/_(off_hours_stop|office_hours_start)(_\d+)?$/, "")))].join("-").replace(/_/g, "-")}`;
  const path = await freePath(files, root, stem.length > 80 ? "off-hours-schedules" : stem);
  files.write(
    path,
    renderFile(
      ["Non-production capacity off outside office hours (opened by CostLens for an always-on recommendation)."],
      resources,
    ),
  );
  return {
    kind: "plan",
    type: "NON_PROD_ALWAYS_ON",
    rootModule: root,
    baseSha: context.baseSha,
    files: files.changes(),
    expectedPlan: { add: resources.length, change: 0, destroy: 0 },
    addresses: resources.map((r) => `aws_autoscaling_schedule.${r.name}`),
    notes: [
      ...notes,
      "Anything running on these instances stops at night and over the weekend: check with the squad that nothing long-running depends on them.",
      "Rollback: revert this pull request and apply during office hours; reverted while stopped, a group stays at zero until its sizes are set back by hand.",
    ],
  };
}
