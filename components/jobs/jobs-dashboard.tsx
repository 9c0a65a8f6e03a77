"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { jobsOverviewSchema, type JobsOverview } from "@/lib/queries/jobs-overview";
import { formatDateTime } from "@/lib/format/dates";
import { csrfFetch } from "../auth/csrf-fetch";
import { useCan } from "../auth/viewer-context";
import { statusLabel } from "../ui/labels";
import { Table, Td, Th } from "../ui/table";

const QUERY_KEY = ["jobs-overview"];

async function fetchOverview(): Promise<JobsOverview> {
  const response = await fetch("/api/jobs/runs", { cache: "no-store" });
  if (!response.ok) throw new Error(`The job list could not be loaded (HTTP ${response.status})`);
  return jobsOverviewSchema.parse(await response.json());
}

const busy = (overview: JobsOverview | undefined) =>
  overview?.runs.some((run) => run.status === "QUEUED" || run.status === "RUNNING") ?? false;

const statusTone: Record<string, string> = {
  SUCCEEDED: "text-emerald-700 dark:text-emerald-300",
  FAILED: "text-red-700 dark:text-red-300",
  RUNNING: "text-sky-700 dark:text-sky-300",
  QUEUED: "text-amber-700 dark:text-amber-300",
};

/** A failed run's error in red; a run that succeeded with a note (e.g. the forecast not stored) as a warning. */
function RunProblem({ status, error }: { status: string; error: string | null }) {
  if (!error) return <>—</>;
  if (status === "SUCCEEDED") {
    return <span className="text-amber-800 dark:text-amber-200">Warning: {error}</span>;
  }
  return <span className="text-red-700 dark:text-red-300">{error}</span>;
}

function Status({ status }: { status: string }) {
  return <span className={`font-medium ${statusTone[status] ?? ""}`}>{statusLabel[status] ?? status}</span>;
}

function RunNowButton({ job }: { job: string }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const response = await csrfFetch(`/api/jobs/${encodeURIComponent(job)}/runs`, { method: "POST" });
      if (!response.ok) throw new Error(`Could not queue ${job} (HTTP ${response.status})`);
      return response.status === 201 ? "Queued" : "Already queued";
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {mutation.isPending ? "Queuing…" : "Run now"}
        <span className="sr-only"> {job}</span>
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {mutation.isError ? mutation.error.message : (mutation.data ?? "")}
      </span>
    </div>
  );
}

/** Jobs and their runs, refreshed every few seconds while a run is queued or running. */
export function JobsDashboard({ initial }: { initial: JobsOverview }) {
  const { data, error } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: fetchOverview,
    initialData: initial,
    refetchInterval: (query) => (busy(query.state.data) ? 3_000 : 30_000),
  });
  const canStart = useCan("jobs.start");
  return (
    <div className="space-y-8">
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error.message}: showing the last list loaded.
        </p>
      ) : null}
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="mb-3 text-lg font-semibold">
          Jobs
        </h2>
        <Table caption="Jobs, their schedules and latest runs">
          <thead>
            <tr>
              <Th>Job</Th>
              <Th>Schedule (UTC)</Th>
              <Th>Latest run</Th>
              {canStart ? <Th>Action</Th> : null}
            </tr>
          </thead>
          <tbody>
            {data.jobs.map((job) => (
              <tr key={job.name}>
                <Td>
                  <div className="font-medium">{job.name}</div>
                  <div className="text-xs text-slate-600 dark:text-slate-400">{job.description}</div>
                </Td>
                <Td>
                  <code className="text-xs">{job.schedule}</code>
                </Td>
                <Td>
                  {job.latest ? (
                    <>
                      <Status status={job.latest.status} />{" "}
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {formatDateTime(new Date(job.latest.startedAt))}
                      </span>
                    </>
                  ) : (
                    "Never run"
                  )}
                </Td>
                {canStart ? (
                  <Td>
                    <RunNowButton job={job.name} />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-3 text-lg font-semibold">
          Recent runs
        </h2>
        {data.runs.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No job has run yet: run <code>npm run jobs -- run all</code>
            {canStart ? " or use “Run now” above" : ", or ask an admin to start one"}.
          </p>
        ) : (
          <Table caption="Recent job runs">
            <thead>
              <tr>
                <Th>Job</Th>
                <Th>Status</Th>
                <Th>Trigger</Th>
                <Th>Started</Th>
                <Th numeric>Rows</Th>
                <Th numeric>API requests</Th>
                <Th>Error or warning</Th>
              </tr>
            </thead>
            <tbody>
              {data.runs.map((run) => (
                <tr key={run.id}>
                  <Td>{run.job}</Td>
                  <Td>
                    <Status status={run.status} />
                  </Td>
                  <Td>{run.trigger}</Td>
                  <Td>{formatDateTime(new Date(run.startedAt))}</Td>
                  <Td numeric>{run.rowsWritten.toLocaleString("en-US")}</Td>
                  <Td numeric>{run.apiRequests.toLocaleString("en-US")}</Td>
                  <Td>
                    <RunProblem status={run.status} error={run.error} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
