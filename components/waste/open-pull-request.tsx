"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { z } from "zod";
import { csrfFetch } from "../auth/csrf-fetch";
import { useCan } from "../auth/viewer-context";
import { recommendationKeys } from "./recommendation-queries";
import { apiErrorMessage } from "./recommendation-schemas";

const pullRequestSchema = z.object({ url: z.string().url(), number: z.number().int(), state: z.string() });
type PullRequestLink = z.infer<typeof pullRequestSchema>;

const refusalSchema = z.object({ code: z.string(), reason: z.string(), cliCommand: z.string().optional() });
type Refusal = z.infer<typeof refusalSchema>;

/** A refusal is an answer, not a failure: the mutation resolves with it and the page explains it. */
type Outcome = { kind: "opened"; pullRequest: PullRequestLink } | { kind: "refused"; refusal: Refusal };

const pullRequestKey = (id: string) => [...recommendationKeys.detail(id), "pull-request"] as const;
const apiUrl = (id: string) => `/api/recommendations/${encodeURIComponent(id)}/pull-request`;

function openPullRequestQuery(id: string) {
  return queryOptions({
    queryKey: pullRequestKey(id),
    queryFn: async ({ signal }): Promise<PullRequestLink | null> => {
      const response = await fetch(apiUrl(id), { cache: "no-store", signal });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        throw new Error(apiErrorMessage(body) ?? `Pull requests could not be loaded (HTTP ${response.status})`);
      }
      const parsed = z.object({ pullRequest: pullRequestSchema.nullable() }).safeParse(body);
      if (!parsed.success) throw new Error("The pull-request API answered in a shape this page does not understand");
      return parsed.data.pullRequest;
    },
  });
}

async function postPullRequest(id: string): Promise<Outcome> {
  const response = await csrfFetch(apiUrl(id), { method: "POST" });
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 422) {
    const refusal = refusalSchema.safeParse(body);
    if (refusal.success) return { kind: "refused", refusal: refusal.data };
  }
  if (response.status === 409) {
    throw new Error(apiErrorMessage(body) ?? "This recommendation is no longer open: it was dismissed or resolved.");
  }
  if (!response.ok) {
    const detail = apiErrorMessage(body);
    throw new Error(detail ?? `The pull request could not be opened (HTTP ${response.status}).`);
  }
  const pullRequest = pullRequestSchema.safeParse(body);
  if (!pullRequest.success) throw new Error("The pull-request API answered in a shape this page does not understand");
  return { kind: "opened", pullRequest: pullRequest.data };
}

const primary =
  "inline-flex items-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

function PullRequestLinkView({ pullRequest }: { pullRequest: PullRequestLink }) {
  return (
    <a
      href={pullRequest.url}
      target="_blank"
      rel="noreferrer"
      className="inline-flex items-center gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm font-medium text-emerald-900 hover:bg-emerald-100 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      View pull request #{pullRequest.number}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function CopyableCommand({ command, labelId }: { command: string; labelId: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="mt-2">
      <pre
        // a long command scrolls sideways: focusable so a keyboard can scroll it too
        tabIndex={0}
        aria-labelledby={labelId}
        className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100 dark:bg-slate-950"
      >
        <code>{command}</code>
      </pre>
      <div className="mt-2 flex items-center gap-3">
        <button type="button" onClick={copy} className={secondary}>
          Copy command
        </button>
        <span aria-live="polite" className="text-xs text-slate-700 dark:text-slate-300">
          {copied === "copied" ? "Copied to the clipboard" : copied === "failed" ? "Copy failed: select the text" : ""}
        </span>
      </div>
    </div>
  );
}

function RefusalPanel({ refusal }: { refusal: Refusal }) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="w-full max-w-xl rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-left text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        No pull request: CostLens will not edit Terraform for this
      </h2>
      <p className="mt-1 text-sm">{refusal.reason}</p>
      {refusal.cliCommand ? (
        <>
          <p id={`${id}-cli`} className="mt-2 text-sm">
            Make the same fix with the AWS CLI:
          </p>
          <CopyableCommand command={refusal.cliCommand} labelId={`${id}-cli`} />
        </>
      ) : null}
    </section>
  );
}

/**
 * "Open Terraform PR": one request however many clicks (the button is disabled while it runs, and the
 * server opens one pull request per recommendation anyway), then the link. A pull request already open
 * shows its link instead of the button; a refusal shows its reason and, for resources Terraform does not
 * manage, the CLI command.
 */
export function OpenPullRequest({ recommendationId, squad }: { recommendationId: string; squad: string | null }) {
  const allowed = useCan("pull-request.open", squad);
  const queryClient = useQueryClient();
  const existing = useQuery(openPullRequestQuery(recommendationId));
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: () => postPullRequest(recommendationId),
    onSuccess: (outcome) => {
      if (outcome.kind === "opened") queryClient.setQueryData(pullRequestKey(recommendationId), outcome.pullRequest);
    },
    onSettled: () => {
      inFlight.current = false;
      return queryClient.invalidateQueries({ queryKey: recommendationKeys.all, refetchType: "active" });
    },
  });

  function open() {
    if (inFlight.current || existing.isPending) return;
    inFlight.current = true;
    mutation.mutate();
  }

  const pullRequest = mutation.data?.kind === "opened" ? mutation.data.pullRequest : existing.data;
  const refusal = mutation.data?.kind === "refused" ? mutation.data.refusal : null;
  // Without the right, the link to an open pull request still shows; the button does not.
  if (!allowed && !pullRequest) return null;

  return (
    <div className="flex flex-col items-end gap-2">
      {pullRequest ? (
        <PullRequestLinkView pullRequest={pullRequest} />
      ) : (
        <button
          type="button"
          onClick={open}
          // until the lookup answers, a pull request may already be open: its link would replace the button
          disabled={mutation.isPending || existing.isPending}
          aria-busy={mutation.isPending || existing.isPending || undefined}
          className={primary}
        >
          {mutation.isPending ? (
            <>
              <span
                aria-hidden="true"
                className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-white border-t-transparent"
              />
              Opening pull request…
            </>
          ) : (
            "Open Terraform PR"
          )}
        </button>
      )}
      <div aria-live="polite" role="status" className="flex flex-col items-end">
        {mutation.data?.kind === "opened" ? (
          <span className="sr-only">Pull request #{mutation.data.pullRequest.number} is open.</span>
        ) : null}
        {refusal ? <RefusalPanel refusal={refusal} /> : null}
      </div>
      {mutation.isError ? (
        <div role="alert" className="flex max-w-xl items-center gap-3 text-sm text-red-700 dark:text-red-300">
          <span>{mutation.error.message}</span>
          <button type="button" onClick={open} className={secondary}>
            Try again
          </button>
        </div>
      ) : null}
      {existing.isError && !pullRequest ? (
        <p className="text-xs text-slate-700 dark:text-slate-300">
          Could not check for an open pull request ({existing.error.message}); opening one is still safe.
        </p>
      ) : null}
    </div>
  );
}
