export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-72 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
