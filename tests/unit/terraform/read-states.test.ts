// Terraform state from a directory: the envs/<env>/terraform.tfstate layout, versions that change with the
// content, and a clear error (naming the key, not the content) for a file that is not a v4 state.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryStateSource, stateFingerprint } from "@/lib/terraform/state/read-states";
import { parseStateText, TerraformStateError } from "@/lib/terraform/state/state-schema";

let dir: string;
const STATE = {
  version: 4,
  terraform_version: "1.9.8",
  serial: 3,
  lineage: "3f1c",
  outputs: {},
  resources: [
    {
      mode: "managed",
      type: "aws_instance",
      name: "web",
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes: { id: "i-0abc", instance_type: "m5.large" } }],
    },
  ],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tf-states-"));
  for (const env of ["prod", "dev"]) {
    await mkdir(join(dir, "envs", env), { recursive: true });
    await writeFile(join(dir, "envs", env, "terraform.tfstate"), JSON.stringify(STATE));
  }
  await mkdir(join(dir, "envs", "empty"), { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("directoryStateSource", () => {
  it("reads every environment's state with its root module", async () => {
    const files = await directoryStateSource(dir).readAll();
    expect(files.map((f) => [f.key, f.rootModule])).toEqual([
      ["envs/dev/terraform.tfstate", "envs/dev"],
      ["envs/prod/terraform.tfstate", "envs/prod"],
    ]);
    expect(files[0]!.state.resources[0]!.instances[0]!.attributes.id).toBe("i-0abc");
  });

  it("fingerprints the states so that rewriting one changes the fingerprint", async () => {
    const source = directoryStateSource(dir);
    const before = stateFingerprint(await source.list());
    expect(stateFingerprint(await source.list())).toBe(before);
    await writeFile(join(dir, "envs", "dev", "terraform.tfstate"), JSON.stringify({ ...STATE, serial: 4 }));
    expect(stateFingerprint(await source.list())).not.toBe(before);
  });
});

describe("parseStateText", () => {
  it("names the key and the problem, never the content", () => {
    expect(() => parseStateText("envs/x/terraform.tfstate", "{ secret")).toThrow(
      new TerraformStateError("envs/x/terraform.tfstate is not JSON"),
    );
    expect(() => parseStateText("envs/x/terraform.tfstate", JSON.stringify({ ...STATE, version: 3 }))).toThrow(
      /envs\/x\/terraform\.tfstate is not a Terraform v4 state: version/,
    );
  });
});
