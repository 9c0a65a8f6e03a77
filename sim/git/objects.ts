// Reading and writing git objects in the bare repository with the plumbing commands.
import { runGit, runGitRaw } from "./run-git";

export type ObjectType = "blob" | "tree" | "commit" | "tag";

export interface Person {
  name: string;
  email: string;
  /** ISO 8601 in UTC, as GitHub shows it: 2026-01-31T09:00:00Z */
  date: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
  path: string;
}

const SHA = /^[0-9a-f]{40}$/;

export function isSha(text: string): boolean {
  return SHA.test(text);
}

export async function objectType(dir: string, sha: string): Promise<ObjectType | undefined> {
  if (!isSha(sha)) return undefined;
  const { stdout, code } = await runGitRaw(dir, ["cat-file", "-t", sha], { okCodes: [1, 128] });
  if (code !== 0) return undefined;
  const type = stdout.toString().trim();
  return type === "blob" || type === "tree" || type === "commit" || type === "tag" ? type : undefined;
}

export async function readBlob(dir: string, sha: string): Promise<Buffer | undefined> {
  if ((await objectType(dir, sha)) !== "blob") return undefined;
  return (await runGitRaw(dir, ["cat-file", "blob", sha])).stdout;
}

export async function writeBlob(dir: string, content: Buffer): Promise<string> {
  return runGit(dir, ["hash-object", "-w", "--stdin"], { input: content });
}

/** Entries of a tree (or of a commit's tree), one level or (recursive) every blob and subtree; with a
 * path, only the entry at that path. */
export async function readTree(dir: string, treeish: string, recursive: boolean, path?: string): Promise<TreeEntry[]> {
  const args = ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), treeish, ...(path ? ["--", path] : [])];
  const out = (await runGitRaw(dir, args)).stdout.toString("utf8");
  return out
    .split("\0")
    .filter((line) => line !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", sha = "", size = "-"] = line.slice(0, tab).split(/\s+/);
      const entry: TreeEntry = { mode, type: type as TreeEntry["type"], sha, path: line.slice(tab + 1) };
      if (size !== "-") entry.size = Number(size);
      return entry;
    });
}

function person(line: string): Person {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: "", date: new Date(0).toISOString() };
  const date = new Date(Number(match[3]) * 1000).toISOString().replace(/\.000Z$/, "Z");
  return { name: match[1] ?? "", email: match[2] ?? "", date };
}

export async function readCommit(dir: string, sha: string): Promise<CommitObject | undefined> {
  if ((await objectType(dir, sha)) !== "commit") return undefined;
  const text = (await runGitRaw(dir, ["cat-file", "commit", sha])).stdout.toString("utf8");
  const split = text.indexOf("\n\n");
  const headers = text.slice(0, split).split("\n");
  const commit: CommitObject = {
    sha,
    tree: "",
    parents: [],
    author: person(""),
    committer: person(""),
    message: split >= 0 ? text.slice(split + 2) : "",
  };
  for (const header of headers) {
    const space = header.indexOf(" ");
    const name = header.slice(0, space);
    const value = header.slice(space + 1);
    if (name === "tree") commit.tree = value;
    else if (name === "parent") commit.parents.push(value);
    else if (name === "author") commit.author = person(value);
    else if (name === "committer") commit.committer = person(value);
  }
  return commit;
}

function gitDate(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}

export async function writeCommit(
  dir: string,
  input: { tree: string; parents: string[]; message: string; author: Person; committer: Person },
): Promise<string> {
  const args = ["commit-tree", input.tree, ...input.parents.flatMap((p) => ["-p", p]), "-F", "-"];
  return runGit(dir, args, {
    input: input.message,
    env: {
      GIT_AUTHOR_NAME: input.author.name,
      GIT_AUTHOR_EMAIL: input.author.email,
      GIT_AUTHOR_DATE: gitDate(input.author.date),
      GIT_COMMITTER_NAME: input.committer.name,
      GIT_COMMITTER_EMAIL: input.committer.email,
      GIT_COMMITTER_DATE: gitDate(input.committer.date),
    },
  });
}
