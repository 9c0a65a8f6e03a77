import type { DatabaseProblem } from "@/lib/db/describe-error";

/** A failure shown as a failure, with what to do next: never an empty chart that reads as "no cost". */
export function ProblemPanel({ problem }: { problem: DatabaseProblem }) {
  return (
    <section
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 px-6 py-5 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="font-semibold">{problem.title}</h2>
      <p className="mt-1 text-sm">{problem.hint}</p>
    </section>
  );
}
