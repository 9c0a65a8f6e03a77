import type { ReactNode } from "react";

// Table primitives with one look across pages. Numbers are right-aligned with tabular figures.

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400 ${numeric ? "text-right" : ""}`}
    >
      {children}
    </th>
  );
}

export function Td({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <td
      className={`border-b border-slate-100 px-4 py-2.5 dark:border-slate-800 ${numeric ? "text-right tabular-nums" : ""}`}
    >
      {children}
    </td>
  );
}
