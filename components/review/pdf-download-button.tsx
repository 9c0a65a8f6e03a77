"use client";

import { useState } from "react";

type State =
  { kind: "idle" } | { kind: "preparing" } | { kind: "done"; fileName: string } | { kind: "failed"; message: string };

const errorSchema = (body: unknown): string | null =>
  typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string"
    ? (body as { error: string }).error
    : null;

/** Fetches the PDF export, saying "Preparing PDF…" while the server prints, then saves it or shows why not. */
export function PdfDownloadButton({ month }: { month: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const fileName = `costlens-review-${month}.pdf`;

  async function download() {
    setState({ kind: "preparing" });
    try {
      const response = await fetch(`/api/review/${month}/pdf`);
      if (!response.ok) {
        const message = errorSchema(await response.json().catch(() => null));
        setState({ kind: "failed", message: message ?? `The PDF export failed (HTTP ${response.status}).` });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = fileName;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ kind: "done", fileName });
    } catch {
      setState({ kind: "failed", message: "The PDF export could not reach the server. Try again." });
    }
  }

  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void download()}
        disabled={state.kind === "preparing"}
        aria-busy={state.kind === "preparing" ? true : undefined}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        {state.kind === "preparing" ? "Preparing PDF…" : "Download PDF"}
      </button>
      <span role="status" className="text-sm">
        {state.kind === "done" ? (
          <span className="text-slate-700 dark:text-slate-300">Saved {state.fileName}</span>
        ) : null}
        {state.kind === "failed" ? <span className="text-red-800 dark:text-red-300">{state.message}</span> : null}
      </span>
    </div>
  );
}
