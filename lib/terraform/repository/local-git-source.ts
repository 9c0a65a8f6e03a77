// The repository read from a local git directory (a bare mirror or a clone) with the git CLI: the default
// branch is what HEAD points at (origin/HEAD in a clone), files are read at a commit, never from a work
// tree, so uncommitted edits never leak into a pull request. The .tf files of a commit are read in one
// `git cat-file --batch` and kept for that commit: building an index reads them all.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import type { RepositoryHead, TerraformRepositorySource } from "./repository-source";

const run = promisify(execFile);
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: "0" };

async function git(dir: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: dir, maxBuffer: 256 * 1024 * 1024, env: GIT_ENV });
  return stdout;
}

async function tryGit(dir: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(dir, args)).trim();
  } catch {
    return undefined;
  }
}

const SHA = /^[0-9a-f]{40}$/;

function checkSha(sha: string): void {
  if (!SHA.test(sha)) throw new Error("expected a 40-character commit sha");
}

/** The blobs' contents, in order, from one `git cat-file --batch`. */
function catBlobs(dir: string, blobs: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: dir, env: GIT_ENV });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file --batch exited with ${code}`));
      const out = Buffer.concat(chunks);
      const texts: string[] = [];
      let at = 0;
      for (const blob of blobs) {
        const headerEnd = out.indexOf(0x0a, at);
        const [name, type, size] = out.subarray(at, headerEnd).toString().split(" ");
        if (name !== blob || type !== "blob") return reject(new Error(`git cat-file: unexpected answer for ${blob}`));
        const start = headerEnd + 1;
        texts.push(out.subarray(start, start + Number(size)).toString("utf8"));
        at = start + Number(size) + 1;
      }
      resolve(texts);
    });
    child.stdin.end(blobs.map((b) => `${b}\n`).join(""));
  });
}

export function localGitRepositorySource(dir: string): TerraformRepositorySource {
  let cached: { sha: string; files: Promise<Map<string, string>> } | undefined;

  const terraformFiles = (sha: string) => {
    if (cached?.sha !== sha) {
      const files = (async () => {
        const listing = await git(dir, ["ls-tree", "-r", "-z", sha]);
        const entries = listing
          .split("\0")
          .map((line) => /^\d+ blob ([0-9a-f]{40})\t(.+)$/.exec(line))
          .filter((m): m is RegExpExecArray => m !== null && m[2]!.endsWith(".tf"));
        const texts = await catBlobs(
          dir,
          entries.map((m) => m[1]!),
        );
        return new Map(entries.map((m, k) => [m[2]!, texts[k]!]));
      })();
      cached = { sha, files };
      files.catch(() => {
        if (cached?.files === files) cached = undefined;
      });
    }
    return cached.files;
  };

  return {
    async headCommit(): Promise<RepositoryHead> {
      // a clone follows its remote's default branch; a bare repository's HEAD is the default branch
      const remoteHead = await tryGit(dir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"]);
      const ref = remoteHead ?? (await tryGit(dir, ["symbolic-ref", "--short", "HEAD"]));
      if (!ref) throw new Error(`${dir}: cannot tell the default branch (HEAD is detached)`);
      const sha = (await git(dir, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
      return { branch: ref.replace(/^origin\//, ""), sha };
    },
    async listFiles(sha: string): Promise<string[]> {
      checkSha(sha);
      return [...(await terraformFiles(sha)).keys()].sort();
    },
    async readFile(sha: string, path: string): Promise<string> {
      checkSha(sha);
      const text = (await terraformFiles(sha)).get(path);
      if (text !== undefined) return text;
      const { stdout } = await run("git", ["cat-file", "blob", `${sha}:${path}`], {
        cwd: dir,
        encoding: "buffer",
        maxBuffer: 64 * 1024 * 1024,
        env: GIT_ENV,
      });
      return stdout.toString("utf8");
    },
  };
}
