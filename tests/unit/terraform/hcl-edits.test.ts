// The surgical edits: deleting a block (with its attached comment) and rewriting a string literal keep every
// other byte, leave a file a real HCL parser reads with only the intended block changed, and stay
// `terraform fmt` clean, in LF and CRLF files alike.
import { describe, expect, it } from "vitest";
import { deleteBlock } from "@/lib/terraform/hcl/delete-block";
import { topLevelBlocks } from "@/lib/terraform/hcl/scan-body";
import { setStringAttribute } from "@/lib/terraform/hcl/set-string-attribute";
import { isTerraformFormatted, parseHcl, withoutResource } from "./hcl-checks";
import { TRICKY_HCL } from "./tricky-hcl";

const block = (text: string, name: string) => {
  const found = topLevelBlocks(text).find((b) => b.labels[b.labels.length - 1] === name);
  if (!found) throw new Error(`no block ${name}`);
  return found;
};

describe.each([
  ["LF", TRICKY_HCL],
  ["CRLF", TRICKY_HCL.replace(/\n/g, "\r\n")],
])("deleteBlock on a %s file", (_label, text) => {
  it("starts from a file terraform fmt accepts", () => {
    expect(isTerraformFormatted(text)).toBe(true);
  });

  it("removes the block, its attached comment lines and one blank line, and nothing else", async () => {
    const target = block(text, "legacy_worker");
    const edited = deleteBlock(text, target);
    const commentStart = text.indexOf("# The legacy worker");
    const after = text.indexOf("resource", target.end);
    expect(edited).toBe(text.slice(0, commentStart) + text.slice(after));
    expect(edited).not.toContain("legacy");
    expect(await parseHcl(edited)).toEqual(withoutResource(await parseHcl(text), "aws_instance", "legacy_worker"));
    expect(isTerraformFormatted(edited)).toBe(true);
  });

  it("keeps the line endings of the file", () => {
    const edited = deleteBlock(text, block(text, "api"));
    expect(edited.includes("\r\n")).toBe(text.includes("\r\n"));
    expect(edited.replace(/\r\n/g, "").includes("\n")).toBe(!text.includes("\r\n"));
  });

  it("collapses the blank line when the last block of the file goes", async () => {
    const edited = deleteBlock(text, block(text, "network"));
    expect(edited.endsWith(text.includes("\r\n") ? 't3.small"\r\n}\r\n' : 't3.small"\n}\n')).toBe(true);
    expect(isTerraformFormatted(edited)).toBe(true);
    const parsed = await parseHcl(edited);
    expect(parsed.module).toBeUndefined();
  });

  it("deletes a block that sits in the middle with no comment, leaving its neighbours intact", async () => {
    const target = block(text, "api");
    const edited = deleteBlock(text, target);
    const before = text.slice(0, target.start);
    expect(edited.startsWith(before)).toBe(true);
    expect(edited.slice(before.length).startsWith('resource "aws_instance" "fleet"')).toBe(true);
    expect(await parseHcl(edited)).toEqual(withoutResource(await parseHcl(text), "aws_instance", "api"));
    expect(isTerraformFormatted(edited)).toBe(true);
  });
});

describe("deleteBlock at the edges", () => {
  it("removes the first block of a file and the blank line after it", () => {
    const text = 'resource "a" "one" {\n  x = 1\n}\n\nresource "a" "two" {\n  x = "}"\n}\n';
    expect(deleteBlock(text, block(text, "one"))).toBe('resource "a" "two" {\n  x = "}"\n}\n');
  });

  it("keeps a comment separated from the block by a blank line", () => {
    const text = '# File header.\n\nresource "a" "one" {\n  x = 1\n}\n';
    expect(deleteBlock(text, block(text, "one"))).toBe("# File header.\n");
  });

  it("removes an attached /* */ comment", () => {
    const text = 'locals {}\n\n/* Retired\n   soon. */\nresource "a" "one" {\n  x = 1\n}\n';
    expect(deleteBlock(text, block(text, "one"))).toBe("locals {}\n");
  });
});

describe("setStringAttribute", () => {
  it.each([
    ["LF", TRICKY_HCL],
    ["CRLF", TRICKY_HCL.replace(/\n/g, "\r\n")],
  ])("changes only the literal of instance_type in a %s file", async (_label, text) => {
    const result = setStringAttribute(text, block(text, "legacy_worker"), "instance_type", "m5.large");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.previous).toBe("m5.xlarge");
    expect(result.text).toBe(text.replace('"m5.xlarge"', '"m5.large"'));
    const before = await parseHcl(text);
    const after = await parseHcl(result.text);
    expect(withoutResource(after, "aws_instance", "legacy_worker")).toEqual(
      withoutResource(before, "aws_instance", "legacy_worker"),
    );
    const worker = (after.resource!.aws_instance!.legacy_worker as Array<Record<string, unknown>>)[0]!;
    expect(worker.instance_type).toBe("m5.large");
    expect(isTerraformFormatted(result.text)).toBe(true);
  });

  it("refuses a value that is not a string literal and says what it is", () => {
    const result = setStringAttribute(TRICKY_HCL, block(TRICKY_HCL, "api"), "instance_type", "m6g.large");
    expect(result).toEqual({ ok: false, problem: "not-a-literal", expression: "var.api_instance_type" });
  });

  it("reports a missing attribute", () => {
    const result = setStringAttribute(TRICKY_HCL, block(TRICKY_HCL, "network"), "instance_type", "m5.large");
    expect(result).toEqual({ ok: false, problem: "missing" });
  });
});
