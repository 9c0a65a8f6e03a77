// Contract tests for the sandbox's OpenCost allocation API with plain fetch, as our OpenCost client uses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../sim/org/days";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";

const TODAY = "2026-11-25";
let sandbox: RunningSandbox;

interface Allocation {
  name: string;
  properties: { cluster?: string; namespace?: string; labels?: Record<string, string> };
  window: { start: string; end: string };
  start: string;
  end: string;
  cpuCoreHours: number;
  cpuCost: number;
  ramByteHours: number;
  ramCost: number;
  pvCost: number;
  networkCost: number;
  loadBalancerCost: number;
  sharedCost: number;
  totalCost: number;
  cpuEfficiency: number;
  ramEfficiency: number;
  totalEfficiency: number;
}

interface AllocationResponse {
  code: number;
  data: Array<Record<string, Allocation>>;
  message?: string;
}

async function allocation(path: string): Promise<{ status: number; body: AllocationResponse }> {
  const response = await fetch(`${sandbox.env.OPENCOST_URL}${path}`);
  return { status: response.status, body: (await response.json()) as AllocationResponse };
}

beforeAll(async () => {
  sandbox = await startSandbox({ today: TODAY });
});
afterAll(() => sandbox.close());

describe("OpenCost allocation API", () => {
  it("answers /allocation/compute in OpenCost's shape, one set per step", async () => {
    const window = `${addDays(TODAY, -3)}T00:00:00Z,${TODAY}T00:00:00Z`;
    const { status, body } = await allocation(`/allocation/compute?window=${window}&step=1d&aggregate=namespace`);
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data).toHaveLength(3);
    const checkout = body.data[0]?.checkout;
    expect(checkout?.name).toBe("checkout");
    expect(checkout?.properties.namespace).toBe("checkout");
    expect(checkout?.window).toEqual({
      start: `${addDays(TODAY, -3)}T00:00:00Z`,
      end: `${addDays(TODAY, -2)}T00:00:00Z`,
    });
    expect(checkout?.totalCost).toBeCloseTo(
      (checkout?.cpuCost ?? 0) + (checkout?.ramCost ?? 0) + (checkout?.pvCost ?? 0),
      9,
    );
    expect(checkout?.cpuCoreHours).toBeGreaterThan(0);
    expect(checkout?.cpuEfficiency).toBeGreaterThan(0);
    expect(checkout?.cpuEfficiency).toBeLessThan(1);
    expect(Object.keys(body.data[0] ?? {})).not.toContain("__idle__");
  });

  it("includes idle on /allocation by default and aggregates by cluster", async () => {
    const { body } = await allocation("/allocation?window=yesterday&aggregate=cluster");
    expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(["__idle__", "dev", "production", "qa", "staging"]);
    expect(body.data[0]?.production?.properties.cluster).toBe("production");
    expect(body.data[0]?.production?.window.start).toBe(`${addDays(TODAY, -1)}T00:00:00Z`);
  });

  it("aggregates by the team label, with unlabelled namespaces as __unallocated__", async () => {
    const { body } = await allocation("/allocation?window=7d&aggregate=label:team&accumulate=true&idle=false");
    expect(body.data).toHaveLength(1);
    const names = Object.keys(body.data[0] ?? {});
    expect(names).toContain("checkout");
    expect(names).toContain("__unallocated__");
    expect(names).toHaveLength(13);
    expect(body.data[0]?.checkout?.properties.labels).toEqual({ team: "checkout" });
    expect(body.data[0]?.checkout?.window).toEqual({
      start: `${addDays(TODAY, -7)}T00:00:00Z`,
      end: `${TODAY}T00:00:00Z`,
    });
  });

  it("sums a multi-day window into one set unless a step is given", async () => {
    const whole = await allocation("/allocation?window=7d&aggregate=namespace&idle=false");
    const daily = await allocation("/allocation?window=7d&step=1d&aggregate=namespace&idle=false");
    expect(whole.body.data).toHaveLength(1);
    expect(daily.body.data).toHaveLength(7);
    const summed = daily.body.data.reduce((sum, set) => sum + (set.payments?.totalCost ?? 0), 0);
    expect(whole.body.data[0]?.payments?.totalCost).toBeCloseTo(summed, 6);
  });

  it("returns an empty set for a window without data", async () => {
    const { body } = await allocation("/allocation?window=today&aggregate=namespace");
    expect(body.data).toEqual([{}]);
  });

  it("refuses bad parameters with a 400 and unknown paths with a 404", async () => {
    expect((await allocation("/allocation?window=yesterday&aggregate=pod")).status).toBe(400);
    expect((await allocation("/allocation?window=soon")).status).toBe(400);
    expect((await allocation("/allocation?window=2026-11-01T05:00:00Z,2026-11-02T00:00:00Z")).status).toBe(400);
    expect((await allocation("/allocation?aggregate=namespace")).status).toBe(400);
    const missing = await allocation("/assets?window=yesterday");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe(404);
  });
});
