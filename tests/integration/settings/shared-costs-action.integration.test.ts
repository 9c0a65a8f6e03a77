// The Settings page's shared-cost policy: its server action refuses non-admins and invalid forms without
// saving anything, saves a valid policy with an audit event, and the page's queries read the change back
// (the recent-changes table) and offer the services of the recent cost data. The auth guard and Next's
// cache are stubbed: the action runs outside a request.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveSharedCostsAction } from "@/app/settings/shared-costs-actions";
import { sharedCostsSavedMessage } from "@/components/spend/shared-costs-form-fields";
import { idleFormState } from "@/components/ui/action-form-state";
import {
  ALLOCATION_SETTING_KEY,
  defaultAllocationSettings,
  getAllocationSettings,
} from "@/lib/allocation/allocation-settings";
import type { ActionGuard } from "@/lib/auth/require-action-actor";
import { DEMO_ACTOR } from "@/lib/auth/actor";
import { setDatabase } from "@/lib/db/prisma";
import { listRecentCostServices } from "@/lib/queries/cost-services";
import { listSettingsChanges } from "@/lib/queries/ownership-rule-changes";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

const guard = vi.hoisted(() => ({ next: null as ActionGuard | null }));
vi.mock("@/lib/auth/require-action-actor", () => ({
  requireActionActor: vi.fn(async (capability: string) => {
    if (capability !== "settings.edit") throw new Error(`unexpected capability ${capability}`);
    return guard.next;
  }),
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

let database: TestDatabase;
const admin: ActionGuard = { ok: true, actor: { ...DEMO_ACTOR, id: "alice@example.com" } };

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const proportional = form([
  ["sharedServices", "AWS Support (Business)"],
  ["otherServices", "AWS Shield"],
  ["sharedUsageGroups", "NAT Gateway"],
  ["sharedClusterTeams", "platform, sre"],
  ["split", "proportional"],
]);

async function stored() {
  const [setting, events] = await Promise.all([
    database.prisma.setting.findUnique({ where: { key: ALLOCATION_SETTING_KEY } }),
    database.prisma.auditEvent.findMany({ where: { action: "settings.allocation.update" }, orderBy: { id: "asc" } }),
  ]);
  return { setting, events };
}

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabase(database);
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(() => {
  guard.next = admin;
  revalidatePath.mockClear();
});

describe("saving the shared-cost policy", () => {
  it("refuses anyone but an admin, keeping the form as submitted and saving nothing", async () => {
    guard.next = { ok: false, message: "Only admins can change settings." };
    const state = await saveSharedCostsAction(idleFormState, proportional);
    expect(state).toMatchObject({ status: "error", message: "Only admins can change settings.", fieldErrors: {} });
    expect(state.values?.split).toBe("proportional");
    expect(await stored()).toEqual({ setting: null, events: [] });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("answers an invalid form with a message per field and saves nothing", async () => {
    const state = await saveSharedCostsAction(
      idleFormState,
      form([
        ["otherServices", "x".repeat(201)],
        ["sharedUsageGroups", "Data transfer"],
        ["sharedClusterTeams", "platform"],
      ]),
    );
    expect(state.status).toBe("error");
    expect(state.message).toBe("Check the highlighted fields; nothing was saved.");
    expect(Object.keys(state.fieldErrors).sort()).toEqual(["sharedServices", "sharedUsageGroups", "split"]);
    expect(state.values).toMatchObject({ otherServices: "x".repeat(201), sharedClusterTeams: "platform", split: "" });
    expect(await stored()).toEqual({ setting: null, events: [] });
    expect(await getAllocationSettings(database.prisma)).toEqual(defaultAllocationSettings);
  });

  it("saves a valid policy as the admin, audits it and refreshes the Settings page", async () => {
    const state = await saveSharedCostsAction(idleFormState, proportional);
    const policy = {
      sharedServices: ["AWS Support (Business)", "AWS Shield"],
      sharedUsageGroups: ["NAT Gateway"],
      sharedClusterTeams: ["platform", "sre"],
      split: "proportional",
    };
    expect(state).toEqual({ status: "saved", message: sharedCostsSavedMessage, fieldErrors: {} });
    expect(await getAllocationSettings(database.prisma)).toEqual(policy);
    const { setting, events } = await stored();
    expect(setting?.updatedBy).toBe("alice@example.com");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: "alice@example.com", entityType: "setting", before: null, after: policy });
    expect(revalidatePath).toHaveBeenCalledWith("/settings");
  });

  it("lists policy saves among the rule changes, newest first, with the policy before and after", async () => {
    await database.prisma.auditEvent.create({
      data: {
        actor: "bob@example.com",
        action: "ownership-rule.create",
        entityType: "ownership-rule",
        entityId: "rule-1",
        after: { kind: "TEAM_TAG", matchValue: "checkout", squad: "checkout", priority: 100 },
      },
    });
    await saveSharedCostsAction(
      idleFormState,
      form([
        ["sharedServices", "AWS Support (Business)"],
        ["sharedUsageGroups", "NAT Gateway"],
        ["sharedClusterTeams", "platform"],
        ["split", "even"],
      ]),
    );
    const changes = await listSettingsChanges(database.prisma);
    expect(changes.map((change) => [change.subject, change.actor])).toEqual([
      ["shared-costs", "alice@example.com"],
      ["ownership-rule", "bob@example.com"],
      ["shared-costs", "alice@example.com"],
    ]);
    const [latest, , first] = changes;
    expect(latest).toMatchObject({
      before: { split: "proportional", sharedClusterTeams: ["platform", "sre"] },
      after: { split: "even", sharedServices: ["AWS Support (Business)"], sharedClusterTeams: ["platform"] },
    });
    // Before the first save the defaults were in effect.
    expect(first).toMatchObject({ before: defaultAllocationSettings });
  });
});

describe("the services offered on the form", () => {
  it("are those of the 90 days up to the newest cost day, once each, in alphabetical order", async () => {
    const row = (day: string, service: string) => ({
      day: new Date(`${day}T00:00:00Z`),
      accountId: "111111111111",
      service,
      unblendedCost: "1.5",
      amortizedCost: "1.5",
    });
    await database.prisma.costDaily.createMany({
      data: [
        row("2026-06-01", "Amazon Redshift"),
        // 90 days before the newest day: just out; the day after: in
        row("2026-08-10", "Amazon Athena"),
        row("2026-08-11", "Amazon CloudFront"),
        row("2026-11-07", "EC2 - Other"),
        row("2026-11-08", "AWS Support (Business)"),
        row("2026-11-08", "Amazon Simple Storage Service"),
      ],
    });
    expect(await listRecentCostServices(database.prisma)).toEqual([
      "Amazon CloudFront",
      "Amazon Simple Storage Service",
      "AWS Support (Business)",
      "EC2 - Other",
    ]);
  });
});
