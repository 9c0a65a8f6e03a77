import Link from "next/link";
import { OwnershipRulesEditor } from "@/components/spend/ownership-rules-editor";
import { SharedCostsForm } from "@/components/spend/shared-costs-form";
import { describeSharedCostChange } from "@/components/spend/shared-costs-form-fields";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemPanel } from "@/components/ui/problem-panel";
import { Table, Td, Th } from "@/components/ui/table";
import { ALLOCATION_SETTING_KEY, getAllocationSettings } from "@/lib/allocation/allocation-settings";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import { listRecentCostServices } from "@/lib/queries/cost-services";
import { listSettingsChanges, type SettingsChange } from "@/lib/queries/ownership-rule-changes";
import { getSettingsOverview } from "@/lib/queries/settings-overview";
import { listSquads } from "@/lib/queries/squad-list";
import { createRuleAction, deleteRuleAction, updateRuleAction } from "./actions";
import { saveSharedCostsAction } from "./shared-costs-actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

/** What a change was, and its before and after in words. */
function describeChange(change: SettingsChange): { what: string; before: string; after: string } {
  if (change.subject === "shared-costs") {
    if (!change.after) return { what: "shared-cost policy", before: "—", after: "—" };
    return { what: "shared-cost policy", ...describeSharedCostChange(change.before, change.after) };
  }
  return {
    what: `rule ${change.action.replace("ownership-rule.", "")}`,
    before: change.before ? describeRule(change.before) : "—",
    after: change.after ? describeRule(change.after) : "—",
  };
}

function describeRule(value: unknown): string {
  if (typeof value !== "object" || value === null) return "—";
  const rule = value as { kind?: unknown; matchValue?: unknown; squad?: unknown; priority?: unknown };
  return `${String(rule.kind ?? "?")} ${String(rule.matchValue ?? "?")} → ${String(rule.squad ?? "?")} (priority ${String(rule.priority ?? "?")})`;
}

export default async function SettingsPage() {
  const loaded = await loadOrDescribe("settings", async () => {
    const prisma = await getPrisma();
    const [overview, squads, changes, allocationPolicy, recentServices] = await Promise.all([
      getSettingsOverview(prisma),
      listSquads(prisma, null),
      listSettingsChanges(prisma),
      getAllocationSettings(prisma),
      listRecentCostServices(prisma),
    ]);
    const policySetting = overview.settings.find((setting) => setting.key === ALLOCATION_SETTING_KEY);
    return {
      ...overview,
      // The detector section counts its own settings; the shared-cost policy has its section.
      settings: overview.settings.filter((setting) => setting !== policySetting),
      policyChange: policySetting ? { by: policySetting.updatedBy, at: policySetting.updatedAt.toISOString() } : null,
      allocationPolicy,
      recentServices,
      squads,
      changes,
    };
  });
  return (
    <>
      <PageHeader
        title="Settings"
        description="Ownership rules and the shared-cost policy decide who owns each dollar; thresholds tune the waste detectors."
      />
      {!loaded.ok ? (
        <ProblemPanel problem={loaded.problem} />
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="ownership-rules">
            <h2 id="ownership-rules" className="mb-1 text-lg font-semibold">
              Ownership rules
            </h2>
            <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
              Tried in priority order, lowest first: a rule gives a squad the spend its tag, namespace or account
              matches. Changes apply from the next allocation run, which recomputes history; every change is audited.
            </p>
            <OwnershipRulesEditor
              rules={loaded.data.ownershipRules}
              squads={loaded.data.squads.map((squad) => ({ slug: squad.slug, name: squad.name }))}
              createAction={createRuleAction}
              updateAction={updateRuleAction}
              deleteAction={deleteRuleAction}
              empty={
                <EmptyState title="No ownership rules yet">
                  Without rules, spend is owned by its `team` tag alone and everything untagged is unallocated.
                </EmptyState>
              }
            />
          </section>
          <section aria-labelledby="shared-costs">
            <h2 id="shared-costs" className="mb-1 text-lg font-semibold">
              Shared costs
            </h2>
            <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
              Costs no single squad causes (support plans, NAT gateways, the idle of shared clusters): matched before
              any ownership rule, then kept on a Shared line or split across the squads. Every change is audited.
            </p>
            <SharedCostsForm
              action={saveSharedCostsAction}
              policy={loaded.data.allocationPolicy}
              recentServices={loaded.data.recentServices}
              lastChange={loaded.data.policyChange}
            />
          </section>
          <section aria-labelledby="rule-changes">
            <h2 id="rule-changes" className="mb-3 text-lg font-semibold">
              Recent rule and policy changes
            </h2>
            {loaded.data.changes.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                No ownership rule or shared-cost policy has been changed yet.
              </p>
            ) : (
              <Table caption="Recent ownership rule and shared-cost policy changes">
                <thead>
                  <tr>
                    <Th>When</Th>
                    <Th>Who</Th>
                    <Th>Change</Th>
                    <Th>Before</Th>
                    <Th>After</Th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.changes.map((change) => {
                    const described = describeChange(change);
                    return (
                      <tr key={change.id}>
                        <Td>{formatDateTime(new Date(change.at))}</Td>
                        <Td>{change.actor}</Td>
                        <Td>{described.what}</Td>
                        <Td>{described.before}</Td>
                        <Td>{described.after}</Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            )}
          </section>
          <section aria-labelledby="detector-settings">
            <h2 id="detector-settings" className="mb-1 text-lg font-semibold">
              Detector thresholds
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {loaded.data.settings.length === 0
                ? "The waste detectors use their documented defaults."
                : `${loaded.data.settings.length} setting${loaded.data.settings.length === 1 ? "" : "s"} changed from the defaults.`}{" "}
              <Link href="/settings/detectors" className="font-medium text-brand-700 underline dark:text-brand-100">
                Edit detector thresholds
              </Link>
            </p>
          </section>
        </div>
      )}
    </>
  );
}
