// Unit tests for the query-protocol parameter parser, the XML writer, paging tokens and the metric
// sample model: the pieces every sandbox AWS API is built from.
import { describe, expect, it } from "vitest";
import { aggregate, percentile, profileSeries, quantile } from "../../sim/org/metrics";
import { QueryParams } from "../../sim/protocols/aws-query";
import { pageOf } from "../../sim/protocols/paging";
import { renderXmlTree, xmlList } from "../../sim/protocols/xml";
import { SimError, type SimRequest } from "../../sim/server/types";

function request(body: string): SimRequest {
  return { method: "POST", path: "/", query: new URLSearchParams(), headers: {}, body: Buffer.from(body) };
}

describe("QueryParams", () => {
  it("reads EC2-style lists and structures in index order", () => {
    const params = QueryParams.fromRequest(
      request(
        "Action=DescribeInstances&InstanceId.2=i-b&InstanceId.1=i-a&Filter.1.Name=tag%3Ateam&Filter.1.Value.1=x&Filter.1.Value.2=y&Filter.2.Name=vpc-id&Filter.2.Value.1=v",
      ),
    );
    expect(params.get("Action")).toBe("DescribeInstances");
    expect(params.list("InstanceId")).toEqual(["i-a", "i-b"]);
    expect(params.structs("Filter").map((f) => [f.get("Name"), f.list("Value")])).toEqual([
      ["tag:team", ["x", "y"]],
      ["vpc-id", ["v"]],
    ]);
  });

  it("reads query-style member and named-wrapper lists", () => {
    const params = QueryParams.fromRequest(
      request("Names.member.1=a&Names.member.2=b&Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=mysql"),
    );
    expect(params.list("Names")).toEqual(["a", "b"]);
    expect(params.structs("Filters")[0]?.list("Values")).toEqual(["mysql"]);
  });

  it("validates integers with the protocol's code", () => {
    const params = QueryParams.fromRequest(request("MaxResults=3&PageSize=abc"));
    expect(() => params.int("MaxResults", 5, 1000)).toThrow(SimError);
    expect(() => params.int("PageSize", 1, 400, "ValidationError")).toThrow(
      expect.objectContaining({ code: "ValidationError" }),
    );
  });

  it("binds page tokens to the request", () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const invalid = new SimError("InvalidNextToken", "bad");
    const first = pageOf(items, undefined, 5, "a", invalid);
    expect(pageOf(items, first.nextToken, 5, "a", invalid).items).toEqual([5, 6, 7, 8, 9]);
    expect(() => pageOf(items, first.nextToken, 5, "other filters", invalid)).toThrow(invalid);
  });
});

describe("XML writer", () => {
  it("escapes text, leaves out absent members and wraps list items", () => {
    expect(renderXmlTree({ a: `<&"'>`, b: undefined, c: xmlList("item", [{ key: "k" }, { key: "l" }]) })).toBe(
      "<a>&lt;&amp;&quot;&apos;&gt;</a><c><item><key>k</key></item><item><key>l</key></item></c>",
    );
  });
});

describe("metric samples", () => {
  it("keeps every sample within [0, max] and a zero profile at zero", () => {
    for (let u = 0; u < 1; u += 0.01) {
      const v = quantile({ mean: 12, p95: 40, max: 60 }, u);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(60);
      expect(quantile({ mean: 0, p95: 0, max: 0 }, u)).toBe(0);
    }
  });

  it("matches the profile's mean and p95 over two weeks of samples", () => {
    const start = Date.parse("2026-11-01T00:00:00Z") / 1000;
    const window = { start, end: start + 14 * 86_400 };
    const series = profileSeries("i-test:cpu", { mean: 12, p95: 40, max: 60 }, window);
    const all = aggregate(series, window.start, window.end, true);
    expect(all?.sampleCount).toBe(14 * 288);
    expect((all?.sum ?? 0) / (all?.sampleCount ?? 1)).toBeCloseTo(12, 0);
    expect(percentile(all?.values ?? [], 95)).toBeCloseTo(40, -1);
    expect(all?.maximum).toBeLessThanOrEqual(60);
  });
});
