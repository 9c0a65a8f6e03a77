// Who owns a tag value, a cost centre, a namespace or an account: the ownership rules and the squads,
// indexed once per run so every lookup is a map read. Explicit rules come before implicit matches (a
// squad's slug or cost centre); among NAMESPACE rules, the lowest priority wins, then the specific cluster
// over "*".
import type { RuleRef, SquadRef } from "./allocation-types";

export interface OwnershipIndex {
  squads: ReadonlySet<string>;
  /** the squad a `team` tag or label value belongs to */
  byTeam(value: string): string | undefined;
  byCostCentre(value: string): string | undefined;
  byNamespace(cluster: string, namespace: string): string | undefined;
  byAccount(accountId: string): string | undefined;
}

function firstByPriority(rules: RuleRef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    if (!map.has(rule.matchValue)) map.set(rule.matchValue, rule.squad);
  }
  return map;
}

export function buildOwnershipIndex(squads: readonly SquadRef[], rules: readonly RuleRef[]): OwnershipIndex {
  const slugs = new Set(squads.map((squad) => squad.slug));
  const known = rules.filter((rule) => slugs.has(rule.squad));
  const teamRules = firstByPriority(known.filter((rule) => rule.kind === "TEAM_TAG"));
  const costCentreRules = firstByPriority(known.filter((rule) => rule.kind === "COST_CENTRE_TAG"));
  const accountRules = firstByPriority(known.filter((rule) => rule.kind === "ACCOUNT"));
  const namespaceRules = [...known.filter((rule) => rule.kind === "NAMESPACE")].sort(
    (a, b) => a.priority - b.priority || Number(a.matchValue.startsWith("*/")) - Number(b.matchValue.startsWith("*/")),
  );
  const costCentres = new Map<string, string>();
  for (const squad of [...squads].sort((a, b) => a.slug.localeCompare(b.slug))) {
    if (squad.costCentre && !costCentres.has(squad.costCentre)) costCentres.set(squad.costCentre, squad.slug);
  }
  const namespaceCache = new Map<string, string | undefined>();
  return {
    squads: slugs,
    byTeam: (value) => (value === "" ? undefined : (teamRules.get(value) ?? (slugs.has(value) ? value : undefined))),
    byCostCentre: (value) => (value === "" ? undefined : (costCentreRules.get(value) ?? costCentres.get(value))),
    byAccount: (accountId) => accountRules.get(accountId),
    byNamespace(cluster, namespace) {
      const key = `${cluster}/${namespace}`;
      if (namespaceCache.has(key)) return namespaceCache.get(key);
      const match = namespaceRules.find((rule) => rule.matchValue === key || rule.matchValue === `*/${namespace}`);
      namespaceCache.set(key, match?.squad);
      return match?.squad;
    },
  };
}
