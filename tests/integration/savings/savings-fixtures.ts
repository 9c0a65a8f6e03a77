// Helpers for the savings tests: find a resource declared by a plain root-level block of the sandbox's
// Terraform, open the deleting branch as the one-click flow would, and track the pull request in the database.
import type { Octokit, RestEndpointMethodTypes } from "@octokit/rest";
import type { Decimal } from "@/lib/db/decimal";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Organisation } from "@/sim/org/model";
import { parseHclBody } from "@/sim/terraform/hcl/parse";
import { storedStates } from "@/sim/terraform/state-store";
import { commitOnBranch, readFile, repo } from "../../sim/fixtures/github-sandbox";

export interface PlainResource {
  environment: string;
  type: string;
  name: string;
}

/** The environment and name of the root-level, count-free block whose state instance has this id. */
export function plainStateResource(org: Organisation, type: string, id: string): PlainResource | undefined {
  for (const [key, stored] of storedStates(org)) {
    const environment = /^envs\/([^/]+)\/terraform\.tfstate$/.exec(key)?.[1];
    const found = stored.state.resources.find(
      (r) =>
        r.type === type &&
        !r.module &&
        r.instances.length === 1 &&
        r.instances[0]?.index_key === undefined &&
        r.instances[0]?.attributes.id === id,
    );
    if (environment && found) return { environment, type, name: found.name };
  }
  return undefined;
}

/** A branch off main whose one commit deletes the resource's block. */
export async function deleteResourceBlock(octokit: Octokit, resource: PlainResource, branch: string): Promise<void> {
  const { data } = await octokit.repos.getContent({ ...repo, path: `envs/${resource.environment}` });
  if (!Array.isArray(data)) throw new Error("not a directory");
  for (const entry of data.filter((e) => e.name.endsWith(".tf"))) {
    const { text } = await readFile(octokit, entry.path);
    const block = parseHclBody(text).blocks.find(
      (b) => b.type === "resource" && b.labels[0] === resource.type && b.labels[1] === resource.name,
    );
    if (!block) continue;
    const edited = text.slice(0, block.start) + text.slice(block.end).replace(/^\r?\n/, "");
    await commitOnBranch(octokit, branch, `Delete ${resource.type}.${resource.name}`, { [entry.path]: edited });
    return;
  }
  throw new Error(`${resource.type}.${resource.name} not found in envs/${resource.environment}`);
}

type RecommendedResource = { id: string | null; resourceId: string; accountId: string; region: string };

/** A zombie-instance recommendation of the resource, saving `projected` a month. */
export async function seedZombieRecommendation(
  prisma: PrismaClient,
  resource: RecommendedResource,
  projected: Decimal,
  status: "OPEN" | "IN_PROGRESS" = "OPEN",
): Promise<string> {
  const row = await prisma.recommendation.create({
    data: {
      type: "ZOMBIE_INSTANCE",
      status,
      resourceRef: resource.id,
      resourceId: resource.resourceId,
      accountId: resource.accountId,
      region: resource.region,
      currentMonthlyCost: projected,
      projectedMonthlyCost: 0,
      monthlySaving: projected,
      evidence: {},
      evidenceHash: "test",
    },
    select: { id: true },
  });
  return row.id;
}

type Pull = RestEndpointMethodTypes["pulls"]["create"]["response"]["data"];

/** The rows the one-click flow writes for an opened pull request: OPEN, one item holding the open key. */
export async function trackPullRequest(
  prisma: PrismaClient,
  input: {
    pull: Pull;
    branch: string;
    environment: string;
    /** the recommendation's resource: the inventory row, or only its AWS identity */
    resource: RecommendedResource;
    projected: Decimal;
  },
): Promise<{ pullRequestId: string; recommendationId: string }> {
  const { pull, resource, projected } = input;
  const recommendation = { id: await seedZombieRecommendation(prisma, resource, projected, "IN_PROGRESS") };
  const created = await prisma.pullRequest.create({
    data: {
      repo: `${repo.owner}/${repo.repo}`,
      number: pull.number,
      url: pull.html_url,
      branch: input.branch,
      title: pull.title,
      state: "OPEN",
      type: "ZOMBIE_INSTANCE",
      rootModule: `envs/${input.environment}`,
      createdBy: "engineer@example.com",
      projectedSaving: projected,
      headSha: pull.head.sha,
      items: {
        create: { recommendationId: recommendation.id, openKey: recommendation.id, projectedSaving: projected },
      },
    },
    select: { id: true },
  });
  return { pullRequestId: created.id, recommendationId: recommendation.id };
}
