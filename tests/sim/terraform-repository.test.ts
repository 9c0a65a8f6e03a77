// The generated Terraform repository: its states agree with the inventory, every state address has its
// block in the .tf files, placements cover what the pull-request editor must handle or refuse, the HCL
// carries the tricky constructs, and the bare repository is valid, clonable and deterministic.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrganisation } from "../../sim/org/generate-organisation";
import type { Organisation } from "../../sim/org/model";
import { attributeValue, parseHclBody } from "../../sim/terraform/hcl/parse";
import { expectedInState, inventoryIds } from "../../sim/terraform/managed-resources";
import { instanceAddress } from "../../sim/terraform/state-types";
import { terraformStates, writeTerraformRepository } from "../../sim/terraform/write-repository";
import { terraformOrganisation } from "./fixtures/terraform-organisation";
import { blocksIn, cloneRepository, findBlock } from "./fixtures/terraform-checks";

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: dir, env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } })
    .toString()
    .trim();

const work = mkdtempSync(join(tmpdir(), "tf-repo-test-"));
const hasTerraform = spawnSync("terraform", ["version"]).status === 0;
afterAll(() => rmSync(work, { recursive: true, force: true }));

const organisations: Array<[string, () => Organisation]> = [
  ["hand-built fixture", terraformOrganisation],
  ["generated seed 42", () => generateOrganisation({ seed: 42, scale: 1, months: 13, today: "2026-02-01" })],
];

describe.each(organisations)("Terraform repository of the %s", (label, make) => {
  const org = make();
  const states = terraformStates(org);
  const bare = join(work, `${label.replace(/\W+/g, "-")}.git`);
  let clone: string;

  beforeAll(async () => {
    await writeTerraformRepository(org, bare);
    clone = cloneRepository(bare);
  });

  it("has one state per environment at envs/<env>/terraform.tfstate", () => {
    const environments = [...new Set(org.accounts.map((a) => a.environment))].sort();
    expect(states.map((s) => s.key)).toEqual(environments.map((e) => `envs/${e}/terraform.tfstate`));
    for (const { state } of states) {
      expect(state.version).toBe(4);
      expect(state.lineage).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("holds only inventory ids, and every Terraform-managed resource", () => {
    const inventory = inventoryIds(org);
    const inState = new Set<string>();
    for (const { state } of states) {
      for (const resource of state.resources) {
        for (const instance of resource.instances) {
          const { id } = instance.attributes;
          inState.add(id);
          for (const device of (instance.attributes.ebs_block_device ?? []) as Array<{ volume_id: string }>)
            inState.add(device.volume_id);
          if (resource.type === "aws_volume_attachment") {
            expect(inventory.has(String(instance.attributes.volume_id))).toBe(true);
            expect(inventory.has(String(instance.attributes.instance_id))).toBe(true);
          } else expect(inventory.has(id), `${instanceAddress(resource, instance)} = ${id}`).toBe(true);
        }
      }
    }
    const missing = [...expectedInState(org)].filter((id) => !inState.has(id));
    expect(missing).toEqual([]);
    const consoleMade = [...org.instances, ...org.volumes].filter((r) => r.managedBy === "console").map((r) => r.id);
    expect(consoleMade.length).toBeGreaterThan(0);
    expect(consoleMade.filter((id) => inState.has(id))).toEqual([]);
  });

  it("declares every state address in the .tf files, with count/for_each matching the index keys", () => {
    for (const { key, state } of states) {
      const root = join(clone, key.replace(/\/terraform\.tfstate$/, ""));
      const blocks = blocksIn(root);
      for (const resource of state.resources) {
        const keyed = resource.instances.some((i) => i.index_key !== undefined);
        let block = findBlock(blocks, "resource", resource.type, resource.name);
        if (resource.module) {
          const call = findBlock(blocks, "module", resource.module.replace(/^module\./, ""));
          expect(call, `${key}: ${resource.module}`).toBeDefined();
          const source = JSON.parse(attributeValue(parseHclBody(call?.body ?? ""), "source") ?? '""') as string;
          block = findBlock(blocksIn(join(root, source)), "resource", resource.type, resource.name);
        }
        expect(block, `${key}: ${resource.module ?? ""} ${resource.type}.${resource.name}`).toBeDefined();
        const body = parseHclBody(block?.body ?? "");
        const iterated = attributeValue(body, "for_each") ?? attributeValue(body, "count");
        expect(iterated !== undefined, `${resource.type}.${resource.name} iterated`).toBe(keyed);
      }
    }
  });

  it("places standalone instances as plain blocks mostly, some by count, for_each and a multi-use module", () => {
    const roots = states.flatMap(({ state }) => state.resources.filter((r) => r.type === "aws_instance"));
    const plain = roots.filter((r) => !r.module && r.instances.every((i) => i.index_key === undefined));
    const counted = roots.filter((r) => !r.module && r.instances.some((i) => typeof i.index_key === "number"));
    const forEach = roots.filter((r) => !r.module && r.instances.some((i) => typeof i.index_key === "string"));
    const fleets = roots.filter((r) => r.module);
    expect(counted.length).toBeGreaterThan(0);
    expect(forEach.length).toBeGreaterThan(0);
    expect(fleets.length).toBeGreaterThanOrEqual(2);
    expect(plain.length).toBeGreaterThan(counted.length + forEach.length + fleets.length);
    const replicas = states.flatMap(({ state }) => state.resources.filter((r) => r.type === "aws_db_instance"));
    expect(replicas.some((r) => !r.module && r.instances.some((i) => i.attributes.replicate_source_db !== ""))).toBe(
      true,
    );
  });

  it("writes realistic HCL with the constructs a surgical editor must survive", () => {
    const all = git(clone, "ls-files").split("\n");
    const text = (path: string) => readFileSync(join(clone, path), "utf8");
    const tf = all
      .filter((p) => p.endsWith(".tf"))
      .map(text)
      .join("\n");
    expect(all.filter((p) => p.startsWith("modules/")).map((p) => p.split("/")[1])).toEqual(
      expect.arrayContaining(["vpc", "service-fleet", "rds-cluster"]),
    );
    expect(tf).toMatch(
      /backend "s3" \{\n\s+bucket\s+= "acme-terraform-state"\n\s+key\s+= "envs\/\w+\/terraform\.tfstate"/,
    );
    for (const construct of [
      /<<-EOT\n/,
      /\$\$\{HOSTNAME\}/,
      /^\s*# /m,
      /^\/\/ /m,
      /\/\*/,
      /dynamic "\w+" \{/,
      /for_each = /,
      /count\s+= /,
      /"\$Latest"/,
      /\{Sun 03:00-04:00\}/,
    ]) {
      expect(tf).toMatch(construct);
    }
    const crlf = all.filter((p) => text(p).includes("\r\n"));
    expect(crlf).toHaveLength(1);
    expect(parseHclBody(text(crlf[0] ?? "")).blocks.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasTerraform)("is formatted as `terraform fmt` formats it", () => {
    const result = spawnSync("terraform", ["fmt", "-check", "-recursive", "-list=true", clone], { encoding: "utf8" });
    expect(result.stdout.trim()).toBe("");
    expect(result.status).toBe(0);
  });

  it("is a valid bare repository with one deterministic commit on main", async () => {
    git(bare, "fsck", "--strict");
    expect(git(bare, "rev-list", "--count", "main")).toBe("1");
    const again = join(work, `${label.replace(/\W+/g, "-")}-again.git`);
    await writeTerraformRepository(make(), again);
    expect(git(again, "rev-parse", "main")).toBe(git(bare, "rev-parse", "main"));
  });
});

describe("a 10x organisation", () => {
  it("gets its repository written in a few seconds, every managed resource in a state", async () => {
    const org = generateOrganisation({ seed: 42, scale: 10, months: 13, today: "2026-02-01" });
    const started = Date.now();
    await writeTerraformRepository(org, join(work, "scale-10.git"));
    expect(Date.now() - started).toBeLessThan(5000);
    const ids = new Set(
      terraformStates(org).flatMap(({ state }) =>
        state.resources.flatMap((r) =>
          r.instances.flatMap((i) => [
            i.attributes.id,
            ...((i.attributes.ebs_block_device ?? []) as Array<{ volume_id: string }>).map((d) => d.volume_id),
          ]),
        ),
      ),
    );
    expect([...expectedInState(org)].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("rewriting the repository directory", () => {
  it("keeps branches of the same seed and starts afresh for another seed", async () => {
    const dir = join(work, "restart.git");
    const org = terraformOrganisation();
    await writeTerraformRepository(org, dir);
    const main = git(dir, "rev-parse", "main");
    git(dir, "update-ref", "refs/heads/feature", main);
    await writeTerraformRepository(terraformOrganisation(), dir);
    expect(git(dir, "rev-parse", "feature")).toBe(main);
    await writeTerraformRepository({ ...terraformOrganisation(), today: "2026-03-01" }, dir);
    expect(git(dir, "for-each-ref", "--format=%(refname)", "refs/heads/")).toBe("refs/heads/main");
    expect(git(dir, "rev-parse", "main")).not.toBe(main);
  });

  it("refuses to replace a directory that is not a repository it made", async () => {
    const dir = join(work, "not-a-repo");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me\n");
    await expect(writeTerraformRepository(terraformOrganisation(), dir)).rejects.toThrow(/refusing/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me\n");
    const foreign = join(work, "foreign.git");
    execFileSync("git", ["init", "--quiet", "--bare", foreign]);
    await expect(writeTerraformRepository(terraformOrganisation(), foreign)).rejects.toThrow(/refusing/);
  });
});
