// Keeps the Terraform index current: rebuilt only when the default branch's head or a state file moved
// (cheap checks: one ref lookup, one state listing), then every unresolved recommendation whose resource it
// maps gets its terraform_address. This is what the index job runs and what the pull-request flow calls
// before planning a fix.
import type { PrismaClient } from "../../db/generated/client";
import type { TerraformRepositorySource } from "../repository/repository-source";
import { stateFingerprint, type StateSource } from "../state/read-states";
import { buildTerraformIndex } from "./build-terraform-index";
import type { TerraformIndex } from "./index-entry";
import { loadStoredIndex, saveIndex } from "./stored-index";

export interface TerraformIndexDeps {
  /** owner/name of the repository: the key of the stored index */
  repo: string;
  source: TerraformRepositorySource;
  states: StateSource;
}

export interface TerraformIndexRefresh {
  index: TerraformIndex;
  rebuilt: boolean;
  /** recommendations whose terraform_address was set, changed or cleared */
  annotated: number;
}

export async function currentTerraformIndex(
  prisma: PrismaClient,
  deps: TerraformIndexDeps,
): Promise<{ index: TerraformIndex; rebuilt: boolean }> {
  const [head, listing] = await Promise.all([deps.source.headCommit(), deps.states.list()]);
  const stored = await loadStoredIndex(prisma, deps.repo);
  if (
    stored &&
    stored.commitSha === head.sha &&
    stored.branch === head.branch &&
    stored.stateFingerprint === stateFingerprint(listing)
  )
    return { index: stored, rebuilt: false };
  const states = await deps.states.readAll();
  const index = await buildTerraformIndex(deps.source, head, states, stateFingerprint(states));
  await saveIndex(prisma, deps.repo, index);
  return { index, rebuilt: true };
}

/** Sets recommendations.terraform_address from the index for every recommendation not yet resolved. */
export async function annotateRecommendations(prisma: PrismaClient, index: TerraformIndex): Promise<number> {
  const recommendations = await prisma.recommendation.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS", "DISMISSED"] } },
    select: { id: true, resourceId: true, terraformAddress: true },
  });
  let changed = 0;
  for (const recommendation of recommendations) {
    const address = index.entries[recommendation.resourceId]?.address ?? null;
    if (address === recommendation.terraformAddress) continue;
    await prisma.recommendation.update({ where: { id: recommendation.id }, data: { terraformAddress: address } });
    changed++;
  }
  return changed;
}

export async function refreshTerraformIndex(
  prisma: PrismaClient,
  deps: TerraformIndexDeps,
): Promise<TerraformIndexRefresh> {
  const { index, rebuilt } = await currentTerraformIndex(prisma, deps);
  const annotated = await annotateRecommendations(prisma, index);
  return { index, rebuilt, annotated };
}
