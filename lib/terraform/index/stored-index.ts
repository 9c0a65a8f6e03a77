// The index as stored in terraform_indexes: one row per repository, its entries checked with zod on the
// way back so a row written by an older version is rebuilt rather than misread.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { indexEntriesSchema, type TerraformIndex } from "./index-entry";

const storedEntriesSchema = z.object({
  rootModules: z.array(z.string()),
  resources: indexEntriesSchema,
});

export async function loadStoredIndex(prisma: PrismaClient, repo: string): Promise<TerraformIndex | undefined> {
  const row = await prisma.terraformIndex.findUnique({
    where: { repo },
    select: { defaultBranch: true, commitSha: true, stateFingerprint: true, entries: true },
  });
  if (!row) return undefined;
  const parsed = storedEntriesSchema.safeParse(row.entries);
  if (!parsed.success) return undefined;
  return {
    branch: row.defaultBranch,
    commitSha: row.commitSha,
    stateFingerprint: row.stateFingerprint,
    rootModules: parsed.data.rootModules,
    entries: parsed.data.resources,
  };
}

export async function saveIndex(prisma: PrismaClient, repo: string, index: TerraformIndex): Promise<void> {
  const entries = { rootModules: index.rootModules, resources: index.entries } as unknown as Prisma.InputJsonValue;
  const data = {
    defaultBranch: index.branch,
    commitSha: index.commitSha,
    stateFingerprint: index.stateFingerprint,
    entries,
    builtAt: new Date(),
  };
  await prisma.terraformIndex.upsert({ where: { repo }, create: { repo, ...data }, update: data });
}
