import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemPanel } from "@/components/ui/problem-panel";
import { Table, Td, Th } from "@/components/ui/table";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getSettingsOverview } from "@/lib/queries/settings-overview";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

const ruleKindLabel: Record<string, string> = {
  TEAM_TAG: "team tag",
  COST_CENTRE_TAG: "cost-centre tag",
  NAMESPACE: "namespace",
  ACCOUNT: "account",
};

export default async function SettingsPage() {
  const loaded = await loadOrDescribe("settings", async () => getSettingsOverview(await getPrisma()));
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
            <h2 id="ownership-rules" className="mb-3 text-lg font-semibold">
              Ownership rules
            </h2>
            {loaded.data.ownershipRules.length === 0 ? (
              <EmptyState title="No ownership rules yet">
                Without rules, spend is owned by its `team` tag alone and everything untagged is unallocated.
              </EmptyState>
            ) : (
              <Table caption="Ownership rules">
                <thead>
                  <tr>
                    <Th>Priority</Th>
                    <Th>Matches</Th>
                    <Th>Value</Th>
                    <Th>Squad</Th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.ownershipRules.map((rule) => (
                    <tr key={rule.id}>
                      <Td>{rule.priority}</Td>
                      <Td>{ruleKindLabel[rule.kind] ?? rule.kind}</Td>
                      <Td>
                        <code className="text-xs">{rule.matchValue}</code>
                      </Td>
                      <Td>{rule.squad}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
          <section aria-labelledby="detector-settings">
            <h2 id="detector-settings" className="mb-3 text-lg font-semibold">
              Detector thresholds
            </h2>
            {loaded.data.settings.length === 0 ? (
              <EmptyState title="Defaults in use">The detectors use the defaults documented in the README.</EmptyState>
            ) : (
              <Table caption="Settings">
                <thead>
                  <tr>
                    <Th>Key</Th>
                    <Th>Value</Th>
                    <Th>Updated by</Th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.settings.map((setting) => (
                    <tr key={setting.key}>
                      <Td>{setting.key}</Td>
                      <Td>
                        <code className="text-xs">{JSON.stringify(setting.value)}</code>
                      </Td>
                      <Td>{setting.updatedBy ?? "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        </div>
      )}
    </>
  );
}
