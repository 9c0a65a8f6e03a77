import Link from "next/link";
import type { ReactNode } from "react";
import type { Viewer } from "@/lib/auth/actor";
import { UserMenu } from "../auth/user-menu";
import { HealthBadge } from "../status/health-badge";
import { ThemeToggle } from "../theme/theme-toggle";
import { NavLinks } from "./nav-links";

function Brand() {
  return (
    <Link href="/" className="mb-4 flex items-center gap-2 px-3 text-lg font-semibold tracking-tight">
      <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-500" />
      CostLens
    </Link>
  );
}

export function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm"
      >
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white px-3 py-4 md:min-h-screen md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
        <Brand />
        <nav aria-label="Main">
          <NavLinks />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 dark:border-slate-800 dark:bg-slate-900">
          <HealthBadge />
          <ThemeToggle />
          <UserMenu viewer={viewer} />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">
          {children}
        </main>
      </div>
    </div>
  );
}

/** The frame of the sign-in page: no navigation until someone is signed in. */
export function SignedOutShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-6 py-12">
      <div className="w-full max-w-md">
        <Brand />
        <main id="main">{children}</main>
      </div>
    </div>
  );
}
