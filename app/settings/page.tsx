import Link from "next/link";
import { OwnershipRulesEditor } from "@/components/spend/ownership-rules-editor";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemPanel } from "@/components/ui/problem-panel";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format/dates";
import { listOwnershipRuleChanges } from "@/lib/queries/ownership-rule-changes";
import { getSettingsOverview } from "@/lib/queries/settings-overview";
import { listSquads } from "@/lib/queries/squad-list";
import { createRuleAction, deleteRuleAction, updateRuleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

function describeRule(value: unknown): string {
  if (typeof value !== "object" || value === null) return "—";
  const rule = value as { kind?: unknown; matchValue?: unknown; squad?: unknown; priority?: unknown };
  return `${String(rule.kind ?? "?")} ${String(rule.matchValue ?? "?")} → ${String(rule.squad ?? "?")} (priority ${String(rule.priority ?? "?")})`;
}

export default async function SettingsPage() {
  const loaded = await loadOrDescribe("settings", async () => {
    const prisma = await getPrisma();
    const [overview, squads, changes] = await Promise.all([
      getSettingsOverview(prisma),
      listSquads(prisma, null),
      listOwnershipRuleChanges(prisma),
    ]);
    return { ...overview, squads, changes };
  });
  return (
    <>
      <PageHeader
        title="Settings"
        description="Ownership rules decide which squad owns each dollar; thresholds tune the waste detectors."
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
          <section aria-labelledby="rule-changes">
            <h2 id="rule-changes" className="mb-3 text-lg font-semibold">
              Recent rule changes
            </h2>
            {loaded.data.changes.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No ownership rule has been changed yet.</p>
            ) : (
              <Table caption="Recent ownership rule changes">
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
                  {loaded.data.changes.map((change) => (
                    <tr key={change.id}>
                      <Td>{formatDateTime(new Date(change.at))}</Td>
                      <Td>{change.actor}</Td>
                      <Td>{change.action.replace("ownership-rule.", "")}</Td>
                      <Td>{change.before ? describeRule(change.before) : "—"}</Td>
                      <Td>{change.after ? describeRule(change.after) : "—"}</Td>
                    </tr>
                  ))}
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
