import type { ReactNode } from "react";

/** What a page shows when there is nothing yet: what is missing and the one command or step that fixes it. */
export function EmptyState({ title, children, command }: { title: string; children?: ReactNode; command?: string }) {
  return (
    <section
      aria-label={title}
      className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? (
        <div className="mx-auto mt-2 max-w-xl text-sm text-slate-600 dark:text-slate-400">{children}</div>
      ) : null}
      {command ? (
        <pre className="mx-auto mt-4 inline-block rounded-md bg-slate-900 px-4 py-2 text-left text-sm text-slate-100 dark:bg-slate-800">
          <code>{command}</code>
        </pre>
      ) : null}
    </section>
  );
}
