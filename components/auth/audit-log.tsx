import Link from "next/link";
import type { AuditFilter, AuditPage } from "@/lib/auth/audit/list-audit-events";
import { formatDateTime } from "@/lib/format/dates";
import { EmptyState } from "../ui/empty-state";
import { Table, Td, Th } from "../ui/table";

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The filters: a plain GET form, so a filtered view is a link an admin can share. */
export function AuditFilters({ filter, page }: { filter: Partial<AuditFilter>; page: AuditPage | null }) {
  return (
    <form method="get" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter the audit log">
      <div className="lg:col-span-2">
        <label htmlFor="audit-actor" className="block text-sm font-medium">
          Who (email contains)
        </label>
        <input id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} maxLength={200} className={field} />
      </div>
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium">
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={field}>
          <option value="">Any</option>
          {(page?.actions ?? []).map((action) => (
            <option key={action}>{action}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-entity" className="block text-sm font-medium">
          On
        </label>
        <select id="audit-entity" name="entityType" defaultValue={filter.entityType ?? ""} className={field}>
          <option value="">Anything</option>
          {(page?.entityTypes ?? []).map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium">
          From (UTC)
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={field} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium">
          To (UTC, inclusive)
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={field} />
      </div>
      <div className="flex items-end gap-3 lg:col-span-6">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Apply filters
        </button>
        <Link href="/admin/audit" className="text-sm font-medium text-slate-700 underline dark:text-slate-300">
          Clear
        </Link>
      </div>
    </form>
  );
}

function Change({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <details>
      <summary className="cursor-pointer text-xs font-medium">{label}</summary>
      <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "entityType", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  params.set("page", String(page));
  return `/admin/audit?${params}`;
}

export function AuditLogTable({ filter, page }: { filter: AuditFilter; page: AuditPage }) {
  if (page.events.length === 0) {
    return (
      <EmptyState title="No audit events match">
        Every change made in CostLens (settings, ownership rules, dismissals, job runs, sign-ins) is recorded here.
        Clear the filters or widen the dates.
      </EmptyState>
    );
  }
  return (
    <>
      <Table caption="Audit events, newest first">
        <thead>
          <tr>
            <Th>When (UTC)</Th>
            <Th>Who</Th>
            <Th>Action</Th>
            <Th>On</Th>
            <Th>Before and after</Th>
          </tr>
        </thead>
        <tbody>
          {page.events.map((event) => (
            <tr key={event.id} className="align-top">
              <Td>{formatDateTime(new Date(event.at))}</Td>
              <Td>{event.actor}</Td>
              <Td>
                <code className="text-xs">{event.action}</code>
              </Td>
              <Td>
                {event.entityType}
                {event.entityId ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{event.entityId}</span>
                ) : null}
              </Td>
              <Td>
                <Change label="Before" value={event.before} />
                <Change label="After" value={event.after} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between text-sm">
        <p>
          Page {page.page} of {page.pageCount} · {page.total.toLocaleString("en-US")} events
        </p>
        <div className="flex gap-3">
          {page.page > 1 ? (
            <Link href={pageHref(filter, page.page - 1)} className="font-medium underline">
              Newer
            </Link>
          ) : null}
          {page.page < page.pageCount ? (
            <Link href={pageHref(filter, page.page + 1)} className="font-medium underline">
              Older
            </Link>
          ) : null}
        </div>
      </nav>
    </>
  );
}
