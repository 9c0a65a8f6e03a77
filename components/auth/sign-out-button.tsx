"use client";

import { useState } from "react";
import { z } from "zod";
import { csrfFetch } from "./csrf-fetch";

const signOutSchema = z.object({ redirectTo: z.string().min(1) });

/** Ends the session here, then at the issuer when it has an end-session endpoint. */
export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  async function signOut() {
    setState("pending");
    try {
      const response = await csrfFetch("/api/auth/sign-out", { method: "POST" });
      const body = signOutSchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !body.success) throw new Error(`HTTP ${response.status}`);
      window.location.assign(body.data.redirectTo);
    } catch {
      setState("failed");
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={signOut}
        disabled={state === "pending"}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {state === "pending" ? "Signing out…" : "Sign out"}
      </button>
      {state === "failed" ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          Sign-out failed: reload and try again.
        </span>
      ) : null}
    </>
  );
}
