// The sandbox's HCL reader and writer: blocks are found across braces in strings, comments and heredocs,
// in CRLF files too; rendered bodies align `=` the way `terraform fmt` does.
import { describe, expect, it } from "vitest";
import { attributeValue, parseHclBody, stringLiteral } from "../../sim/terraform/hcl/parse";
import { attr, blank, block, multi, renderFile } from "../../sim/terraform/hcl/render";
import { str, tagLines } from "../../sim/terraform/hcl/syntax";

const tricky = `# a comment with a brace {
resource "aws_instance" "web" {
  ami           = "ami-1" // trailing } comment
  instance_type = "m5.large"
  user_data     = <<-EOT
    { "json": "} not a block end" }
  EOT
  /* } */
  tags = { Name = "web-\${var.env}-{x}", Note = "a \\"quoted\\" }" }

  dynamic "ebs_block_device" {
    for_each = local.volumes
    content {
      device_name = ebs_block_device.value.device
    }
  }
}

module "fleet" {
  source = "../../modules/service-fleet"
}
`;

describe("HCL reader", () => {
  it("finds top-level blocks despite braces in strings, comments and heredocs", () => {
    const body = parseHclBody(tricky);
    expect(body.blocks.map((b) => [b.type, ...b.labels])).toEqual([
      ["resource", "aws_instance", "web"],
      ["module", "fleet"],
    ]);
    const web = parseHclBody(body.blocks[0]?.body ?? "");
    expect(stringLiteral(attributeValue(web, "instance_type") ?? "")).toBe("m5.large");
    expect(attributeValue(web, "ami")).toBe('"ami-1"');
    expect(web.attributes.map((a) => a.name)).toEqual(["ami", "instance_type", "user_data", "tags"]);
    expect(web.blocks.map((b) => [b.type, ...b.labels])).toEqual([["dynamic", "ebs_block_device"]]);
    expect(tricky.slice(body.blocks[0]?.start, body.blocks[0]?.end)).toMatch(
      /^resource "aws_instance" "web" \{[\s\S]*\n\}$/,
    );
  });

  it("reads CRLF files with the same offsets", () => {
    const crlf = tricky.replace(/\n/g, "\r\n");
    const body = parseHclBody(crlf);
    expect(body.blocks.map((b) => b.labels.join("."))).toEqual(["aws_instance.web", "fleet"]);
    expect(crlf.slice(body.blocks[1]?.start, body.blocks[1]?.end)).toBe(
      'module "fleet" {\r\n  source = "../../modules/service-fleet"\r\n}',
    );
  });

  it("treats interpolated strings as expressions, not literals", () => {
    expect(stringLiteral('"m5.large"')).toBe("m5.large");
    expect(stringLiteral('"${var.type}"')).toBeUndefined();
    expect(stringLiteral("var.type")).toBeUndefined();
  });
});

describe("HCL writer", () => {
  it("aligns runs of single-line attributes, a heredoc's first line included, as terraform fmt does", () => {
    const text = renderFile([
      block('resource "aws_instance" "web"', [
        attr("ami", str("ami-1")),
        attr("instance_type", str("m5.large")),
        multi("user_data", ["<<-EOT", "  echo $${HOSTNAME}", "EOT"]),
        blank,
        multi("tags", tagLines({ team: "checkout", "cost-centre": "CC-1" })),
      ]),
    ]);
    expect(text).toBe(
      [
        'resource "aws_instance" "web" {',
        '  ami           = "ami-1"',
        '  instance_type = "m5.large"',
        "  user_data     = <<-EOT",
        "    echo $${HOSTNAME}",
        "  EOT",
        "",
        "  tags = {",
        '    cost-centre = "CC-1"',
        '    team        = "checkout"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(str("${x} %{y}")).toBe('"$${x} %%{y}"');
  });
});
