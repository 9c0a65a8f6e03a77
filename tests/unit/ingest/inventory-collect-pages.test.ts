import { describe, expect, it } from "vitest";
import { collectPages } from "@/lib/ingest/inventory/collect-pages";
import { describeInstancesPage } from "@/lib/ingest/inventory/ec2-payloads";

const operation = { api: "EC2", operation: "DescribeInstances" };

async function* pages(...items: unknown[]) {
  for (const item of items) yield item;
}

describe("collecting SDK pages", () => {
  it("validates every page and returns them in order", async () => {
    const page = (id: string) => ({ Reservations: [{ OwnerId: "111111111111", Instances: [] }], NextToken: id });
    const result = await collectPages(operation, pages(page("a"), page("b")), describeInstancesPage);
    expect(result.map((p) => p.NextToken)).toEqual(["a", "b"]);
  });

  it("names the API, the operation and the field of a page that does not fit", async () => {
    const bad = { Reservations: [{ OwnerId: "not-an-account", Instances: [] }] };
    await expect(collectPages(operation, pages(bad), describeInstancesPage)).rejects.toThrow(
      "EC2 DescribeInstances returned an unexpected payload: Reservations[0].OwnerId: expected a 12-digit account id",
    );
  });

  it("names the API and the operation of a call that failed", async () => {
    async function* failing(): AsyncGenerator<unknown> {
      yield* [];
      throw Object.assign(new Error("We encountered an internal error."), { name: "InternalFailure" });
    }
    await expect(collectPages(operation, failing(), describeInstancesPage)).rejects.toThrow(
      "EC2 DescribeInstances failed: InternalFailure: We encountered an internal error.",
    );
  });

  it("reports why a cancelled run stopped rather than the SDK's abort error", async () => {
    const controller = new AbortController();
    controller.abort(new Error("lost the inventory lease"));
    async function* aborted(): AsyncGenerator<unknown> {
      yield* [];
      throw Object.assign(new Error("Request aborted"), { name: "AbortError" });
    }
    await expect(collectPages(operation, aborted(), describeInstancesPage, controller.signal)).rejects.toThrow(
      "lost the inventory lease",
    );
  });
});
