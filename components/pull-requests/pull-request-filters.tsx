import { PULL_REQUEST_STATES, type PullRequestList, type PullRequestListQuery } from "@/lib/queries/pull-request-list";
import { stateName } from "./list-params";

const selectClass =
  "mt-1 block w-full min-w-44 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** A plain GET form: it works without JavaScript, and the URL keeps the filter for sharing. */
export function PullRequestFilters({
  query,
  byState,
}: {
  query: PullRequestListQuery;
  byState: PullRequestList["totals"]["byState"];
}) {
  const all = Object.values(byState).reduce((sum, n) => sum + n, 0);
  return (
    <form role="search" aria-label="Filter pull requests" method="get" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="pull-request-state" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          State
        </label>
        <select id="pull-request-state" name="state" defaultValue={query.state} className={selectClass}>
          <option value="ALL">All states ({all})</option>
          {PULL_REQUEST_STATES.map((state) => (
            <option key={state} value={state}>
              {stateName(state)} ({byState[state]})
            </option>
          ))}
        </select>
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      >
        Apply
      </button>
    </form>
  );
}
