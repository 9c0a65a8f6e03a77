// Which Cost Explorer requests one window needs. Cost Explorer allows two GroupBy per request, and
// allocation needs account, service, the team tag and, for spend without a team tag, the cost-centre tag.
// So for each account: one request grouped by service and team (its tagged rows are kept), and one for
// the spend with no team tag, grouped by service and cost-centre. Together they cover every dollar once.
//
// A usage group (usage-groups.ts) is then asked for on its own, the same two ways: its service is fixed by
// the filter, which frees a GroupBy for the account, so two requests per group cover every account. Its
// rows are taken out of their service's rows afterwards (split-usage-groups.ts).
import type { Expression, GroupDefinition } from "@aws-sdk/client-cost-explorer";
import type { JobWindow } from "../../jobs/job-definition";
import type { UsageGroup } from "./usage-groups";

/** Who a cost row belongs to, as the stored natural key has it ("" = no such tag). */
export interface CostRowKey {
  accountId: string;
  service: string;
  teamTag: string;
  costCentreTag: string;
}

export interface CostRequestPlan {
  window: JobWindow;
  groupBy: GroupDefinition[];
  filter: Expression;
  usageGroup: string;
  /** the row a group's two keys stand for; null drops the group (another request covers it) */
  keyRow: (keys: readonly [string, string]) => CostRowKey | null;
}

export const TEAM_TAG = "team";
export const COST_CENTRE_TAG = "cost-centre";

const TEAM: GroupDefinition = { Type: "TAG", Key: TEAM_TAG };
const COST_CENTRE: GroupDefinition = { Type: "TAG", Key: COST_CENTRE_TAG };
const withoutTeamTag: Expression = { Tags: { Key: TEAM_TAG, MatchOptions: ["ABSENT"] } };

/** Cost Explorer's tag group keys read "team$checkout"; "team$" is spend without the tag. */
export function tagValue(key: string, tag: string): string {
  const prefix = `${tag}$`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}

/** The spend with a team tag: untagged spend comes from the cost-centre request, so it is dropped here. */
function tagged(accountId: string, service: string, teamKey: string): CostRowKey | null {
  const team = tagValue(teamKey, TEAM_TAG);
  return team ? { accountId, service, teamTag: team, costCentreTag: "" } : null;
}

function untagged(accountId: string, service: string, costCentreKey: string): CostRowKey {
  return { accountId, service, teamTag: "", costCentreTag: tagValue(costCentreKey, COST_CENTRE_TAG) };
}

export function planCostRequests(accountIds: string[], window: JobWindow): CostRequestPlan[] {
  return accountIds.flatMap((accountId): CostRequestPlan[] => {
    const account: Expression = { Dimensions: { Key: "LINKED_ACCOUNT", Values: [accountId] } };
    const service: GroupDefinition = { Type: "DIMENSION", Key: "SERVICE" };
    return [
      {
        window,
        groupBy: [service, TEAM],
        filter: account,
        usageGroup: "",
        keyRow: ([serviceKey, teamKey]) => tagged(accountId, serviceKey, teamKey),
      },
      {
        window,
        groupBy: [service, COST_CENTRE],
        filter: { And: [account, withoutTeamTag] },
        usageGroup: "",
        keyRow: ([serviceKey, costCentreKey]) => untagged(accountId, serviceKey, costCentreKey),
      },
    ];
  });
}

/** The two requests for one usage group's usage types (as listed for the window). */
export function planUsageGroupRequests(group: UsageGroup, usageTypes: string[], window: JobWindow): CostRequestPlan[] {
  if (usageTypes.length === 0) return [];
  const usage: Expression = {
    And: [
      { Dimensions: { Key: "SERVICE", Values: [group.service] } },
      { Dimensions: { Key: "USAGE_TYPE", Values: usageTypes } },
    ],
  };
  const account: GroupDefinition = { Type: "DIMENSION", Key: "LINKED_ACCOUNT" };
  return [
    {
      window,
      groupBy: [account, TEAM],
      filter: usage,
      usageGroup: group.name,
      keyRow: ([accountId, teamKey]) => tagged(accountId, group.service, teamKey),
    },
    {
      window,
      groupBy: [account, COST_CENTRE],
      filter: { And: [...usage.And!, withoutTeamTag] },
      usageGroup: group.name,
      keyRow: ([accountId, costCentreKey]) => untagged(accountId, group.service, costCentreKey),
    },
  ];
}
