// The parts of GitHub's REST responses CostLens reads; everything else in a body is ignored.
import { z } from "zod";

export const repositorySchema = z.object({ default_branch: z.string().min(1), full_name: z.string() });

export const refSchema = z.object({ ref: z.string(), object: z.object({ sha: z.string().min(1) }) });

export const commitSchema = z.object({ sha: z.string().min(1), tree: z.object({ sha: z.string().min(1) }) });

export const treeSchema = z.object({
  sha: z.string(),
  truncated: z.boolean().default(false),
  tree: z.array(
    z.object({
      path: z.string(),
      mode: z.string(),
      type: z.enum(["blob", "tree", "commit"]),
      sha: z.string(),
      size: z.number().optional(),
    }),
  ),
});

export const blobSchema = z.object({ sha: z.string(), content: z.string(), encoding: z.enum(["base64", "utf-8"]) });

export const createdObjectSchema = z.object({ sha: z.string().min(1) });

export const labelSchema = z.object({ name: z.string() });

export const pullRequestSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string().url(),
  state: z.enum(["open", "closed"]),
  title: z.string(),
  merged: z.boolean().optional(),
  merged_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  head: z.object({ ref: z.string(), sha: z.string() }),
  base: z.object({ ref: z.string() }),
  user: z.object({ login: z.string() }).nullable().optional(),
  labels: z.array(labelSchema).default([]),
});

export type GitHubPullRequest = z.infer<typeof pullRequestSchema>;

export const emptySchema = z.unknown();
