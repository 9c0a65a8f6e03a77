import { describe, expect, it } from "vitest";
import { type InventoryRow, UNKNOWN_ACCOUNT } from "@/lib/ingest/inventory/inventory-row";
import { planInventoryWrites, type StoredResource } from "@/lib/ingest/inventory/plan-inventory-writes";

const ACCOUNT = "111111111111";
const RUN = new Date("2026-11-20T12:00:00Z");
const EARLIER = new Date("2026-11-19T12:00:00Z");

function row(overrides: Partial<InventoryRow> = {}): InventoryRow {
  return {
    kind: "EC2_INSTANCE",
    resourceId: "i-1",
    accountId: ACCOUNT,
    region: "us-east-1",
    arn: null,
    name: "web",
    state: "running",
    sizeType: "m5.large",
    tags: { team: "checkout", Name: "web" },
    teamTag: "checkout",
    environmentTag: "",
    attributes: { b: [1, 2], a: { y: 1, x: null } },
    launchedAt: EARLIER,
    stateChangedAt: EARLIER,
    ...overrides,
  };
}

function stored(overrides: Partial<StoredResource> = {}, from = row()): StoredResource {
  return { id: "r1", ...from, goneOn: null, ...overrides };
}

const noGone = (rows: InventoryRow[]) => ({ rows, gone: [] });

describe("planning an inventory write", () => {
  it("creates new resources and only touches unchanged ones, whatever the JSON key order", () => {
    const plan = planInventoryWrites(
      [stored({ tags: { Name: "web", team: "checkout" }, attributes: { a: { x: null, y: 1 }, b: [1, 2] } })],
      noGone([row(), row({ resourceId: "i-2" })]),
      RUN,
    );
    expect(plan.unchanged).toEqual(["r1"]);
    expect(plan.creates.map((r) => r.resourceId)).toEqual(["i-2"]);
    expect(plan.updates).toEqual([]);
    expect(plan.gone).toEqual([]);
  });

  it("updates a changed resource", () => {
    const plan = planInventoryWrites([stored()], noGone([row({ sizeType: "m5.xlarge" })]), RUN);
    expect(plan.updates).toEqual([{ id: "r1", row: row({ sizeType: "m5.xlarge" }) }]);
  });

  it("marks a resource the run did not see gone on the run's day, or on the day its listing says", () => {
    const plan = planInventoryWrites(
      [stored(), stored({ id: "r2", resourceId: "i-2" }), stored({ id: "r3", resourceId: "i-3", goneOn: EARLIER })],
      {
        rows: [],
        gone: [
          {
            kind: "EC2_INSTANCE",
            resourceId: "i-2",
            accountId: ACCOUNT,
            region: "us-east-1",
            at: new Date("2026-11-19T23:00:00Z"),
          },
        ],
      },
      RUN,
    );
    expect(plan.gone).toEqual([
      { id: "r1", goneOn: "2026-11-20", at: RUN },
      { id: "r2", goneOn: "2026-11-19", at: new Date("2026-11-19T23:00:00Z") },
    ]);
  });

  it("un-gones a resource that reappears", () => {
    const plan = planInventoryWrites([stored({ state: "gone", goneOn: EARLIER })], noGone([row()]), RUN);
    expect(plan.updates).toEqual([{ id: "r1", row: row() }]);
  });

  it("keeps when a state began while it holds, and records the run's time when it changes", () => {
    const volume = (state: string, stateChangedAt: Date | null, detachedAt: string | null = null) =>
      row({
        kind: "EBS_VOLUME",
        resourceId: "vol-1",
        state,
        stateChangedAt,
        attributes: { sizeGiB: 10, detachedAt },
      });
    // Seen detaching: detached at the run's time.
    const detached = planInventoryWrites(
      [stored({}, volume("in-use", EARLIER))],
      noGone([volume("available", null)]),
      RUN,
    );
    expect(detached.updates[0]!.row).toMatchObject({
      stateChangedAt: RUN,
      attributes: { detachedAt: RUN.toISOString() },
    });
    // Still detached a run later: the same times, nothing to update.
    const still = planInventoryWrites(
      [stored({}, volume("available", RUN, RUN.toISOString()))],
      noGone([volume("available", null)]),
      new Date("2026-11-21T12:00:00Z"),
    );
    expect(still.unchanged).toEqual(["r1"]);
    // First seen unattached: nobody knows since when.
    const fresh = planInventoryWrites([], noGone([volume("available", null)]), RUN);
    expect(fresh.creates[0]).toMatchObject({ stateChangedAt: null, attributes: { detachedAt: null } });
  });

  it("keeps one row for a volume whose account is unknown in one run and known in another", () => {
    const unknown = row({
      kind: "EBS_VOLUME",
      resourceId: "vol-1",
      accountId: UNKNOWN_ACCOUNT,
      state: "available",
      stateChangedAt: null,
      attributes: { sizeGiB: 10, detachedAt: null },
    });
    const known = { ...unknown, accountId: ACCOUNT, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-1` };
    // Stored with its account, now listed without one: it keeps the stored account and ARN.
    const keep = planInventoryWrites([stored({}, known)], noGone([unknown]), RUN);
    expect(keep).toMatchObject({ unchanged: ["r1"], creates: [], gone: [] });
    // Stored without an account, now listed with one: the same row learns it.
    const learn = planInventoryWrites([stored({}, unknown)], noGone([known]), RUN);
    expect(learn.updates).toEqual([{ id: "r1", row: known }]);
    expect(learn.gone).toEqual([]);
  });
});
