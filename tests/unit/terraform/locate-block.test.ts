// The index's refusals for blocks it cannot find exactly once, for module calls it must not edit, and the
// references it offers for resources other files may point at.
import { describe, expect, it } from "vitest";
import { buildTerraformIndex, providerReference } from "@/lib/terraform/index/build-terraform-index";
import { FILES, memoryRepository, STATES } from "./memory-repository";

async function indexOf(files: Record<string, string>) {
  const source = memoryRepository(files);
  return buildTerraformIndex(source, await source.headCommit(), STATES, "fp");
}

describe("the Terraform index", () => {
  it("locates plain blocks and refuses iterated and shared ones", async () => {
    const { entries } = await indexOf(FILES);
    expect(entries["i-0legacy"]).toMatchObject({
      address: "aws_instance.legacy_worker",
      rootModule: "envs/prod",
      file: "envs/prod/compute.tf",
      refusal: null,
      reference: "aws_instance.legacy_worker.id",
      provider: null,
    });
    expect(entries["i-0fleet0"]).toMatchObject({ address: "aws_instance.fleet[0]", indexKey: 0, file: null });
    expect(entries["i-0fleet0"]!.refusal?.code).toBe("count-or-for-each");
    expect(entries["subnet-0a"]!.reference).toBe('aws_subnet.private["a"].id');
    expect(entries["web"]!.reference).toBe("aws_autoscaling_group.web.name");
    expect(entries["orders-db"]!.address).toBe("aws_db_instance.orders");
    expect(entries["i-0svcprod"]!.refusal).toMatchObject({ code: "shared-module" });
    expect(entries["i-0svcprod"]!.refusal!.reason).toContain("called from 2 places");
    expect(entries["vpc-0west"]!.provider).toBe("aws.west");
  });

  it("refuses a block that is missing or declared twice", async () => {
    const missing = await indexOf({
      ...FILES,
      "envs/prod/compute.tf": FILES["envs/prod/compute.tf"]!.replace('"batch"', '"other"'),
    });
    expect(missing.entries["i-0batch"]!.refusal?.code).toBe("block-not-found");
    const twice = await indexOf({
      ...FILES,
      "envs/prod/more.tf": 'resource "aws_instance" "batch" {\n  instance_type = "t3.micro"\n}\n',
    });
    expect(twice.entries["i-0batch"]!.refusal).toMatchObject({ code: "ambiguous-block" });
    expect(twice.entries["i-0batch"]!.refusal!.reason).toContain("envs/prod/compute.tf, envs/prod/more.tf");
  });

  it("still locates a block beside a file it cannot scan (Terraform forbids a second declaration), and refuses a registry module", async () => {
    const broken = await indexOf({ ...FILES, "envs/prod/broken.tf": 'resource "aws_instance" "x" {\n' });
    expect(broken.entries["i-0legacy"]!.refusal).toBeNull();
    // a module call could hide in the unreadable file, so whether a module is shared is unknown
    expect(broken.entries["vol-0data"]!.refusal).toMatchObject({ code: "ambiguous-block" });
    expect(broken.entries["vol-0data"]!.refusal!.reason).toContain("envs/prod/broken.tf");
    const registry = await indexOf({
      ...FILES,
      "envs/dev/main.tf": FILES["envs/dev/main.tf"]!.replace("../../modules/solo", "terraform-aws-modules/ebs/aws"),
    });
    expect(registry.entries["vol-0data"]!.refusal?.reason).toContain("registry or remote source");
  });

  it("has no terraform config for a state whose directory holds no .tf file", async () => {
    const files = Object.fromEntries(Object.entries(FILES).filter(([path]) => !path.startsWith("envs/dev/")));
    expect((await indexOf(files)).entries["vol-0data"]!.refusal?.code).toBe("no-terraform-config");
  });

  it("reads provider aliases from the state's provider address", () => {
    expect(providerReference('provider["registry.terraform.io/hashicorp/aws"].west')).toBe("aws.west");
    expect(providerReference('provider["registry.terraform.io/hashicorp/aws"]')).toBeNull();
  });
});
