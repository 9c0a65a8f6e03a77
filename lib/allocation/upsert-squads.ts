// Squads appear by themselves: every `team` tag or label value seen in the facts or the inventory becomes
// a squad (slug = the value, name = its title case) unless a TEAM_TAG rule already maps it to a squad, and
// a squad without a cost centre takes the cost-centre tag its resources carry beside the team tag.
// A value that is one of the owner names the spend views use beside the squads ("shared", "idle",
// "unallocated") cannot be a slug, or its squad would merge with that line: the squad gets the slug
// "<value>-squad" and a TEAM_TAG rule maps the value to it (audited, and editable on the Settings page).
import type { PrismaClient } from "../db/generated/client";
import { OWNERLESS_SERIES } from "../queries/spend/get-daily-spend-by-squad";
import { createOwnershipRule } from "./ownership-rules";

const RESERVED_SLUGS = new Set<string>(OWNERLESS_SERIES);

/** The first of "<value>-squad", "<value>-squad-2", ... that no squad has. */
function freeSlug(value: string, taken: ReadonlySet<string>): string {
  const base = `${value}-squad`;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export function titleCase(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

/** Returns how many squads were created or given a cost centre. */
export async function upsertSquadsFromTags(prisma: PrismaClient): Promise<number> {
  const [teams, centres, mapped, existing] = await Promise.all([
    prisma.$queryRaw<Array<{ team: string }>>`
      SELECT DISTINCT team_tag AS team FROM cost_daily WHERE team_tag <> ''
      UNION SELECT DISTINCT team_tag FROM resources WHERE team_tag <> ''
      UNION SELECT DISTINCT team_label FROM namespace_cost_daily WHERE team_label <> ''`,
    prisma.$queryRaw<Array<{ team: string; centre: string; resources: bigint }>>`
      SELECT team_tag AS team, tags->>'cost-centre' AS centre, COUNT(*) AS resources
      FROM resources
      WHERE team_tag <> '' AND COALESCE(tags->>'cost-centre', '') <> ''
      GROUP BY 1, 2
      ORDER BY 1, 3 DESC, 2`,
    prisma.ownershipRule.findMany({ where: { kind: "TEAM_TAG" }, select: { matchValue: true } }),
    prisma.squad.findMany({ select: { id: true, slug: true, costCentre: true } }),
  ]);
  const mappedValues = new Set(mapped.map((rule) => rule.matchValue));
  const known = new Map(existing.map((squad) => [squad.slug, squad]));
  const taken = new Set(existing.flatMap((squad) => (squad.costCentre ? [squad.costCentre] : [])));
  const centreOf = new Map<string, string>();
  for (const row of centres) if (!centreOf.has(row.team)) centreOf.set(row.team, row.centre);

  const create: Array<{ slug: string; name: string; costCentre: string | null }> = [];
  const update: Array<{ id: string; costCentre: string }> = [];
  const renamed: Array<{ value: string; slug: string }> = [];
  const slugs = new Set(known.keys());
  for (const { team } of teams.sort((a, b) => a.team.localeCompare(b.team))) {
    if (mappedValues.has(team)) continue;
    const centre = centreOf.get(team);
    const free = centre && !taken.has(centre) ? centre : null;
    const squad = known.get(team);
    if (!squad && RESERVED_SLUGS.has(team)) {
      const slug = freeSlug(team, slugs);
      slugs.add(slug);
      create.push({ slug, name: titleCase(team) || team, costCentre: free });
      renamed.push({ value: team, slug });
    } else if (!squad) {
      slugs.add(team);
      create.push({ slug: team, name: titleCase(team) || team, costCentre: free });
    } else if (!squad.costCentre && free) {
      update.push({ id: squad.id, costCentre: free });
    } else {
      continue;
    }
    if (free) taken.add(free);
  }
  if (create.length) await prisma.squad.createMany({ data: create, skipDuplicates: true });
  for (const { value, slug } of renamed) {
    await createOwnershipRule(prisma, { kind: "TEAM_TAG", matchValue: value, squad: slug }, "allocation");
  }
  for (const { id, costCentre } of update) {
    await prisma.squad.update({ where: { id }, data: { costCentre }, select: { id: true } });
  }
  return create.length + update.length;
}
