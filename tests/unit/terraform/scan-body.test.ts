// The HCL scanner on text built to trip it: every top-level block found with exact offsets, and agreement
// with a real HCL parser (@cdktf/hcl2json).
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { findAttribute, scanBody, stringLiteral, topLevelBlocks } from "@/lib/terraform/hcl/scan-body";
import { HclScanError } from "@/lib/terraform/hcl/skip-syntax";
import { TRICKY_HCL } from "./tricky-hcl";

const labelsOf = (text: string) => topLevelBlocks(text).map((b) => [b.type, ...b.labels].join(" "));

describe("scanBody", () => {
  it("finds exactly the real top-level blocks, whatever braces strings, comments and heredocs hold", async () => {
    expect(labelsOf(TRICKY_HCL)).toEqual([
      "locals",
      "resource aws_instance legacy_worker",
      "resource aws_instance api",
      "resource aws_instance fleet",
      "module network",
    ]);
    const parsed = (await parse("tricky.tf", TRICKY_HCL)) as { resource: { aws_instance: object } };
    expect(Object.keys(parsed.resource.aws_instance).sort()).toEqual(["api", "fleet", "legacy_worker"]);
  });

  it("gives offsets that cut each block exactly from its keyword to its closing brace", () => {
    for (const block of topLevelBlocks(TRICKY_HCL)) {
      const text = TRICKY_HCL.slice(block.start, block.end);
      expect(text.startsWith(block.type)).toBe(true);
      expect(text.endsWith("}")).toBe(true);
      expect(TRICKY_HCL[block.bodyStart - 1]).toBe("{");
    }
  });

  it("reads top-level attributes, not those of nested or dynamic blocks", () => {
    const worker = topLevelBlocks(TRICKY_HCL)[1]!;
    const names = scanBody(TRICKY_HCL, worker.bodyStart, worker.bodyEnd).map((item) =>
      item.kind === "attribute" ? item.name : `${item.type}{}`,
    );
    expect(names).toEqual(["ami", "instance_type", "user_data", "dynamic{}", "tags"]);
    const type = findAttribute(TRICKY_HCL, worker, "instance_type")!;
    expect(TRICKY_HCL.slice(type.valueStart, type.valueEnd)).toBe('"m5.xlarge"');
    expect(findAttribute(TRICKY_HCL, worker, "device_name")).toBeUndefined();
    expect(findAttribute(TRICKY_HCL, topLevelBlocks(TRICKY_HCL)[3]!, "count")).toBeDefined();
  });

  it("keeps a heredoc, nested interpolations and escaped quotes inside one attribute value", () => {
    const [locals] = topLevelBlocks(TRICKY_HCL);
    const values = scanBody(TRICKY_HCL, locals!.bodyStart, locals!.bodyEnd).map((item) =>
      item.kind === "attribute" ? TRICKY_HCL.slice(item.valueStart, item.valueEnd) : "",
    );
    expect(values).toEqual([
      '"hello ${var.name} {not a block}"',
      '"x-${jsonencode({ a = "}", b = [1, 2] })}"',
      '"quote \\" and brace } and $${literal}"',
    ]);
    const worker = topLevelBlocks(TRICKY_HCL)[1]!;
    const userData = findAttribute(TRICKY_HCL, worker, "user_data")!;
    expect(TRICKY_HCL.slice(userData.valueStart, userData.valueEnd)).toMatch(/^<<-EOT\n[\s\S]*\n {2}EOT$/);
  });

  it("scans CRLF files with the same blocks", () => {
    const crlf = TRICKY_HCL.replace(/\n/g, "\r\n");
    expect(labelsOf(crlf)).toEqual(labelsOf(TRICKY_HCL));
    const worker = topLevelBlocks(crlf)[1]!;
    const type = findAttribute(crlf, worker, "instance_type")!;
    expect(crlf.slice(type.valueStart, type.valueEnd)).toBe('"m5.xlarge"');
  });

  it("throws rather than guess on text it cannot follow", () => {
    expect(() => topLevelBlocks('resource "a" "b" {\n  x = "open\n}\n')).toThrow(HclScanError);
    expect(() => topLevelBlocks('resource "a" "b" {\n  x = 1\n')).toThrow(HclScanError);
    expect(() => topLevelBlocks("locals {\n  x = <<EOT\nnever closed\n}\n")).toThrow(HclScanError);
    expect(() => topLevelBlocks("/* open comment\n")).toThrow(HclScanError);
  });

  it("tells a plain string literal from any other expression", () => {
    expect(stringLiteral('"m5.large"')).toBe("m5.large");
    expect(stringLiteral('"a$${b}"')).toBe("a${b}");
    expect(stringLiteral('"${var.size}"')).toBeUndefined();
    expect(stringLiteral("var.size")).toBeUndefined();
    expect(stringLiteral('lookup(var.sizes, "web")')).toBeUndefined();
  });
});
