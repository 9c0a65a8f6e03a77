"use client";

import "./globals.css";

// The root layout itself failed (the shell could not render): a complete page of its own that says so
// and offers a retry, never a blank screen or a stack trace. Details stay in the server log.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto max-w-xl px-6 py-16">
          <h1 className="text-xl font-semibold">CostLens is unavailable right now</h1>
          <p className="mt-2 text-sm">
            The page could not be shown. If the database is restarting, CostLens reconnects by itself: try again in a
            moment. The server log has the details{error.digest ? ` (reference ${error.digest})` : ""}.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-4 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
