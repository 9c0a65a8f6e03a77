"use client";

// The last line of defence for a page that threw: say so and offer a retry, never a blank screen.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 px-6 py-5 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="font-semibold">This page failed to load</h2>
      <p className="mt-1 text-sm">
        The server log has the details{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </section>
  );
}
