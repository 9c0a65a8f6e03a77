// Ownership rules as the Settings page edits them: validated (the squad must exist; a rule's match value
// must fit its kind), written with an audit event (who, before, after) in the same transaction. A change
// takes effect on the next allocation run, which recomputes history.
import { z } from "zod";
import { plainText } from "../validation/plain-text";
import type { PrismaClient } from "../db/generated/client";
import type { OwnershipRuleKind } from "../db/generated/enums";

const kinds = ["TEAM_TAG", "COST_CENTRE_TAG", "NAMESPACE", "ACCOUNT"] as const satisfies readonly OwnershipRuleKind[];

const MATCH_VALUE: Record<OwnershipRuleKind, { pattern: RegExp; message: string }> = {
  TEAM_TAG: { pattern: /^[^\s].{0,254}$/, message: "A team tag rule matches a tag value (1 to 255 characters)" },
  COST_CENTRE_TAG: {
    pattern: /^[^\s].{0,254}$/,
    message: "A cost-centre rule matches a tag value (1 to 255 characters)",
  },
  NAMESPACE: {
    pattern: /^(\*|[a-z0-9]([-a-z0-9_.]{0,98}[a-z0-9])?)\/[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    message: 'A namespace rule matches "<cluster>/<namespace>" (cluster "*" for every cluster)',
  },
  ACCOUNT: { pattern: /^\d{12}$/, message: "An account rule matches a 12-digit AWS account id" },
};

const ruleFields = {
  kind: z.enum(kinds),
  matchValue: plainText().trim().min(1, "The match value is required"),
  squad: plainText().trim().min(1, "The squad is required"),
  priority: z.number().int().min(0).max(10_000).default(100),
};

function checkMatchValue(rule: { kind: OwnershipRuleKind; matchValue: string }, ctx: z.RefinementCtx) {
  const { pattern, message } = MATCH_VALUE[rule.kind];
  if (!pattern.test(rule.matchValue)) ctx.addIssue({ code: "custom", path: ["matchValue"], message });
}

export const createOwnershipRuleSchema = z.object(ruleFields).superRefine(checkMatchValue);
export const updateOwnershipRuleSchema = z
  .object({ id: z.string().min(1), ...ruleFields })
  .superRefine(checkMatchValue);
export const deleteOwnershipRuleSchema = z.object({ id: z.string().min(1) });

export type CreateOwnershipRuleInput = z.input<typeof createOwnershipRuleSchema>;
export type UpdateOwnershipRuleInput = z.input<typeof updateOwnershipRuleSchema>;

export interface OwnershipRuleView {
  id: string;
  kind: OwnershipRuleKind;
  matchValue: string;
  squad: string;
  priority: number;
}

/** A rule the user asked for that cannot be saved; the message is safe to show. */
export class OwnershipRuleError extends Error {
  constructor(
    message: string,
    readonly code: "invalid" | "unknown-squad" | "duplicate" | "not-found",
  ) {
    super(message);
    this.name = "OwnershipRuleError";
  }
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const select = { id: true, kind: true, matchValue: true, priority: true, squad: { select: { slug: true } } } as const;

function toView(rule: {
  id: string;
  kind: OwnershipRuleKind;
  matchValue: string;
  priority: number;
  squad: { slug: string };
}): OwnershipRuleView {
  return { id: rule.id, kind: rule.kind, matchValue: rule.matchValue, priority: rule.priority, squad: rule.squad.slug };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new OwnershipRuleError(parsed.error.issues.map((issue) => issue.message).join("; "), "invalid");
  }
  return parsed.data;
}

async function squadId(tx: Tx, slug: string): Promise<string> {
  const squad = await tx.squad.findUnique({ where: { slug }, select: { id: true } });
  if (!squad) throw new OwnershipRuleError(`No squad "${slug}": create the squad first`, "unknown-squad");
  return squad.id;
}

async function assertFree(tx: Tx, kind: OwnershipRuleKind, matchValue: string, exceptId?: string) {
  const existing = await tx.ownershipRule.findUnique({
    where: { kind_matchValue: { kind, matchValue } },
    select: { id: true },
  });
  if (existing && existing.id !== exceptId) {
    throw new OwnershipRuleError(`A ${kind} rule for "${matchValue}" already exists`, "duplicate");
  }
}

async function audit(tx: Tx, actor: string, action: string, id: string, before: unknown, after: unknown) {
  await tx.auditEvent.create({
    data: {
      actor,
      action,
      entityType: "ownership-rule",
      entityId: id,
      before: before === null ? undefined : (before as object),
      after: after === null ? undefined : (after as object),
    },
    select: { id: true },
  });
}

export async function createOwnershipRule(
  prisma: PrismaClient,
  input: unknown,
  actor: string,
): Promise<OwnershipRuleView> {
  const rule = parse(createOwnershipRuleSchema, input);
  return prisma.$transaction(async (tx) => {
    const id = await squadId(tx, rule.squad);
    await assertFree(tx, rule.kind, rule.matchValue);
    const created = toView(
      await tx.ownershipRule.create({
        data: { kind: rule.kind, matchValue: rule.matchValue, priority: rule.priority, squadId: id },
        select,
      }),
    );
    await audit(tx, actor, "ownership-rule.create", created.id, null, created);
    return created;
  });
}

export async function updateOwnershipRule(
  prisma: PrismaClient,
  input: unknown,
  actor: string,
): Promise<OwnershipRuleView> {
  const rule = parse(updateOwnershipRuleSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.ownershipRule.findUnique({ where: { id: rule.id }, select });
    if (!before) throw new OwnershipRuleError("That ownership rule no longer exists", "not-found");
    const id = await squadId(tx, rule.squad);
    await assertFree(tx, rule.kind, rule.matchValue, rule.id);
    const updated = toView(
      await tx.ownershipRule.update({
        where: { id: rule.id },
        data: { kind: rule.kind, matchValue: rule.matchValue, priority: rule.priority, squadId: id },
        select,
      }),
    );
    await audit(tx, actor, "ownership-rule.update", updated.id, toView(before), updated);
    return updated;
  });
}

export async function deleteOwnershipRule(prisma: PrismaClient, input: unknown, actor: string): Promise<void> {
  const { id } = parse(deleteOwnershipRuleSchema, input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.ownershipRule.findUnique({ where: { id }, select });
    if (!before) throw new OwnershipRuleError("That ownership rule no longer exists", "not-found");
    await tx.ownershipRule.delete({ where: { id }, select: { id: true } });
    await audit(tx, actor, "ownership-rule.delete", id, toView(before), null);
  });
}
