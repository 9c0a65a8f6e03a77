// Squads created from team tags never take a slug the spend views use for an owner line ("shared",
// "idle", "unallocated"): such a value gets "<value>-squad" and an audited TEAM_TAG rule pointing at it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertSquadsFromTags } from "@/lib/allocation/upsert-squads";
import { Decimal } from "@/lib/db/decimal";
import { fromIsoDay } from "@/lib/format/dates";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

const cost = (teamTag: string) => ({
  day: fromIsoDay("2026-11-01"),
  accountId: "111122223333",
  service: "Amazon Simple Storage Service",
  teamTag,
  unblendedCost: new Decimal("1"),
  amortizedCost: new Decimal("1"),
});

describe("squads from team tags", () => {
  it("gives a reserved owner name its own slug and a rule, once", async () => {
    await database.prisma.squad.create({ data: { slug: "idle-squad", name: "Taken" } });
    await database.prisma.costDaily.createMany({ data: ["checkout", "shared", "idle"].map(cost) });
    expect(await upsertSquadsFromTags(database.prisma)).toBe(3);
    const squads = await database.prisma.squad.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    expect(squads.map((s) => s.slug)).toEqual(["checkout", "idle-squad", "idle-squad-2", "shared-squad"]);
    const rules = await database.prisma.ownershipRule.findMany({
      select: { kind: true, matchValue: true, squad: { select: { slug: true } } },
      orderBy: { matchValue: "asc" },
    });
    expect(rules).toEqual([
      { kind: "TEAM_TAG", matchValue: "idle", squad: { slug: "idle-squad-2" } },
      { kind: "TEAM_TAG", matchValue: "shared", squad: { slug: "shared-squad" } },
    ]);
    const audit = await database.prisma.auditEvent.findMany({ where: { action: "ownership-rule.create" } });
    expect(audit.map((event) => event.actor)).toEqual(["allocation", "allocation"]);
    // a second run finds the values mapped and creates nothing
    expect(await upsertSquadsFromTags(database.prisma)).toBe(0);
  });
});
