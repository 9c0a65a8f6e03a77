// The local git repository source over a bare repository and over a clone: the default branch's head,
// the .tf files of a commit (not the work tree), their bytes exactly as committed (CRLF included).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localGitRepositorySource } from "@/lib/terraform/repository/local-git-source";

const work = mkdtempSync(join(tmpdir(), "tf-git-source-"));
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
};
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env }).toString().trim();
const bare = join(work, "infra.git");
const clone = join(work, "clone");
const CRLF = 'resource "aws_instance" "web" {\r\n  instance_type = "m5.large"\r\n}\r\n';
let sha: string;

beforeAll(() => {
  const seed = join(work, "seed");
  mkdirSync(join(seed, "envs", "prod"), { recursive: true });
  writeFileSync(join(seed, "envs", "prod", "main.tf"), CRLF);
  writeFileSync(join(seed, "README.md"), "# infra\n");
  git(work, "init", "--quiet", "--initial-branch=trunk", seed);
  git(seed, "add", ".");
  git(seed, "commit", "--quiet", "-m", "init");
  sha = git(seed, "rev-parse", "HEAD");
  git(work, "clone", "--quiet", "--bare", seed, bare);
  git(work, "clone", "--quiet", bare, clone);
  writeFileSync(join(clone, "envs", "prod", "main.tf"), "uncommitted\n");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ["a bare repository", bare],
  ["a clone", clone],
])("localGitRepositorySource over %s", (_label, dir) => {
  it("reports the default branch and its head", async () => {
    expect(await localGitRepositorySource(dir).headCommit()).toEqual({ branch: "trunk", sha });
  });

  it("lists only the .tf files and reads them as committed, line endings included", async () => {
    const source = localGitRepositorySource(dir);
    expect(await source.listFiles(sha)).toEqual(["envs/prod/main.tf"]);
    expect(await source.readFile(sha, "envs/prod/main.tf")).toBe(CRLF);
    expect(await source.readFile(sha, "README.md")).toBe("# infra\n");
    await expect(source.readFile(sha, "missing.tf")).rejects.toThrow();
    await expect(source.listFiles("HEAD; rm -rf /")).rejects.toThrow("40-character");
  });
});
