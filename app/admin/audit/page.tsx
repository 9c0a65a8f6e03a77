import { AuditFilters, AuditLogTable } from "@/components/auth/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemPanel } from "@/components/ui/problem-panel";
import { auditFilterSchema, listAuditEvents } from "@/lib/auth/audit/list-audit-events";
import { refusalMessage } from "@/lib/auth/capability-text";
import { requirePageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/roles";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION = "Every change made in CostLens: who, what, when, and the thing before and after.";

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requirePageActor("/admin/audit");
  if (!can(actor.grants, "audit.read")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <ProblemPanel problem={{ title: "Admins only", hint: refusalMessage("audit.read") }} />
      </>
    );
  }
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const filter = auditFilterSchema.safeParse(raw);
  if (!filter.success) {
    const names = [...new Set(filter.error.issues.map((issue) => String(issue.path[0])))].join(", ");
    return (
      <>
        <PageHeader title="Audit log" description={DESCRIPTION} />
        <AuditFilters filter={{}} page={null} />
        <ProblemPanel problem={{ title: "These filters cannot be read", hint: `Check ${names} and apply again.` }} />
      </>
    );
  }
  const loaded = await loadOrDescribe("audit log", async () => listAuditEvents(await getPrisma(), filter.data));
  return (
    <>
      <PageHeader title="Audit log" description={DESCRIPTION} />
      <AuditFilters filter={filter.data} page={loaded.ok ? loaded.data : null} />
      {loaded.ok ? (
        <AuditLogTable filter={filter.data} page={loaded.data} />
      ) : (
        <ProblemPanel problem={loaded.problem} />
      )}
    </>
  );
}
