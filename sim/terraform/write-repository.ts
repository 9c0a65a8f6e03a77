// Writes the organisation's Terraform repository as a bare git repository whose `main` holds one
// deterministic commit (fixed author and date), imported with one `git fast-import` so that even a 10x
// organisation takes well under a second of git time.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import type { Organisation } from "../org/model";
import { runGit, runGitRaw } from "../git/run-git";
import { buildTerraformRepository, type RepoFile } from "./build-repository";
import { replayMerges } from "./replay-merges";

/** Hidden ref holding the generated commit: clones do not fetch it, restarts compare against it. */
const GENERATED_REF = "refs/sim/generated";
const AUTHOR = "Acme Platform Team <platform@acme-shop.example>";

function commitTime(org: Organisation): number {
  return Date.parse(`${org.today}T00:00:00Z`) / 1000 - 15 * 3600;
}

function fastImportStream(files: RepoFile[], when: number): Buffer {
  const parts: Buffer[] = [];
  const message = "Import the shop's infrastructure into Terraform\n";
  const data = (text: string) => {
    const bytes = Buffer.from(text, "utf8");
    parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from("\n"));
  };
  parts.push(
    Buffer.from(`commit ${GENERATED_REF}\nauthor ${AUTHOR} ${when} +0000\ncommitter ${AUTHOR} ${when} +0000\n`),
  );
  data(message);
  for (const file of files) {
    parts.push(Buffer.from(`M 100644 inline ${file.path}\n`));
    data(file.content);
  }
  parts.push(Buffer.from("done\n"));
  return Buffer.concat(parts);
}

async function isBareRepository(dir: string): Promise<boolean> {
  if (!existsSync(`${dir}/HEAD`)) return false;
  const result = await runGitRaw(dir, ["rev-parse", "--is-bare-repository"], { okCodes: [128] });
  return result.stdout.toString().trim() === "true";
}

/**
 * Creates (or refreshes) the bare repository. When the directory already holds the same generated commit
 * (a restart with the same seed), branches and pull requests are kept and the merged ones are applied to
 * the organisation again; otherwise it starts afresh.
 */
export async function writeTerraformRepository(org: Organisation, bareRepoDir: string): Promise<void> {
  const { files } = buildTerraformRepository(org);
  const stream = fastImportStream(files, commitTime(org));
  const ours = await isBareRepository(bareRepoDir);
  if (ours) {
    const before = await runGit(bareRepoDir, ["for-each-ref", "--format=%(objectname)", GENERATED_REF]);
    // Only a repository an earlier run generated is refreshed or replaced, never someone else's.
    if (before === "")
      throw new Error(`${bareRepoDir} is a git repository the sandbox did not create; refusing to replace it`);
    await runGitRaw(bareRepoDir, ["fast-import", "--quiet", "--force", "--done"], { input: stream });
    if ((await runGit(bareRepoDir, ["rev-parse", GENERATED_REF])) === before) {
      await replayMerges(org, bareRepoDir);
      return;
    }
  } else if (existsSync(bareRepoDir) && readdirSync(bareRepoDir).length > 0) {
    throw new Error(`${bareRepoDir} is neither empty nor a bare git repository; refusing to replace it`);
  }
  rmSync(bareRepoDir, { recursive: true, force: true });
  mkdirSync(bareRepoDir, { recursive: true });
  await runGit(bareRepoDir, ["init", "--quiet", "--bare", "--initial-branch=main"]);
  await runGitRaw(bareRepoDir, ["fast-import", "--quiet", "--done"], { input: stream });
  await runGit(bareRepoDir, ["update-ref", "refs/heads/main", GENERATED_REF]);
}

export { terraformStates } from "./terraform-states";
