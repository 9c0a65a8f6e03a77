// Which Cost Explorer requests one window needs. Cost Explorer allows two GroupBy per request, and
// allocation needs account, service, the team tag and, for spend without a team tag, the cost-centre tag.
// So for each account: one request grouped by service and team (its tagged rows are kept), and one for
// the spend with no team tag, grouped by service and cost-centre. Together they cover every dollar once.
import type { Expression, GroupDefinition } from "@aws-sdk/client-cost-explorer";
import type { JobWindow } from "../../jobs/job-definition";

export type CostRequestKind = "by-team" | "untagged-by-cost-centre";

export interface CostRequestPlan {
  kind: CostRequestKind;
  accountId: string;
  window: JobWindow;
  groupBy: GroupDefinition[];
  filter: Expression;
}

export const TEAM_TAG = "team";
export const COST_CENTRE_TAG = "cost-centre";

export function planCostRequests(accountIds: string[], window: JobWindow): CostRequestPlan[] {
  return accountIds.flatMap((accountId): CostRequestPlan[] => {
    const account: Expression = { Dimensions: { Key: "LINKED_ACCOUNT", Values: [accountId] } };
    return [
      {
        kind: "by-team",
        accountId,
        window,
        groupBy: [
          { Type: "DIMENSION", Key: "SERVICE" },
          { Type: "TAG", Key: TEAM_TAG },
        ],
        filter: account,
      },
      {
        kind: "untagged-by-cost-centre",
        accountId,
        window,
        groupBy: [
          { Type: "DIMENSION", Key: "SERVICE" },
          { Type: "TAG", Key: COST_CENTRE_TAG },
        ],
        filter: { And: [account, { Tags: { Key: TEAM_TAG, MatchOptions: ["ABSENT"] } }] },
      },
    ];
  });
}

/** Cost Explorer's tag group keys read "team$checkout"; "team$" is spend without the tag. */
export function tagValue(key: string, tag: string): string {
  const prefix = `${tag}$`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}
