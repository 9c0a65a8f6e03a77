import type { Viewer } from "@/lib/auth/actor";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: who is signed in and as what, or that sign-in is off in this deployment. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  if (!viewer.signInEnabled) {
    return (
      <p
        className="rounded-full bg-amber-50 px-3 py-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        title="Set OIDC_ISSUER to require sign-in. Until then everyone acts as the demo user, with the admin role."
      >
        Sign-in is off (demo): you act as an admin
      </p>
    );
  }
  if (!viewer.signedIn) return null;
  return (
    <div className="flex items-center gap-3">
      <p className="text-right text-xs leading-tight">
        <span className="block font-medium text-slate-900 dark:text-slate-100">{viewer.displayName}</span>
        <span className="block text-slate-600 dark:text-slate-400">{viewer.roles.join(" · ")}</span>
      </p>
      <SignOutButton />
    </div>
  );
}
