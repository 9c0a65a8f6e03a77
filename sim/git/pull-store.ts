// Pull requests, labels and webhooks, kept as JSON beside the git objects (inside the bare repository directory) so
// they survive a restart on the same repository directory.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const labelSchema = z.object({ name: z.string(), color: z.string(), description: z.string().nullable() });

const pullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.enum(["open", "closed"]),
  draft: z.boolean(),
  head: z.string(),
  base: z.string(),
  /** Head commit when the pull request was last seen; the branch may since be gone. */
  headSha: z.string(),
  baseSha: z.string(),
  user: z.string(),
  labels: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
  mergeCommitSha: z.string().nullable(),
  mergedBy: z.string().nullable(),
});

const hookSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  secret: z.string().nullable(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  lastResponse: z.object({ code: z.number().nullable(), status: z.string(), message: z.string().nullable() }),
});

const storeSchema = z.object({
  nextNumber: z.number().int(),
  pulls: z.array(pullSchema),
  labels: z.array(labelSchema),
  hooks: z.array(hookSchema).default([]),
});

export type Label = z.infer<typeof labelSchema>;
export type Hook = z.infer<typeof hookSchema>;
export type PullRecord = z.infer<typeof pullSchema>;
export type PullStore = z.infer<typeof storeSchema>;

const FILE = "sim-pull-requests.json";

export function loadPullStore(dir: string): PullStore {
  const path = join(dir, FILE);
  if (!existsSync(path)) return { nextNumber: 1, pulls: [], labels: [], hooks: [] };
  return storeSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** Writes atomically (temp file + rename): a crash never leaves half a file. */
export function savePullStore(dir: string, store: PullStore): void {
  const path = join(dir, FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(store, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
