import Link from "next/link";
import { redirect } from "next/navigation";
import { getAuthConfig } from "@/lib/auth/auth-config";
import { getPageActor } from "@/lib/auth/page-actor";
import { safeReturnPath } from "@/lib/auth/sign-in-flow";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  expired: "The sign-in took too long or was started in another browser. Start again.",
  denied: "The sign-in was cancelled or refused by your identity provider.",
  failed: "The sign-in could not be completed. Try again; if it keeps failing, ask the CostLens administrators.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(first(params.returnTo));
  const config = getAuthConfig();
  if (!config.enabled) {
    return (
      <section className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">Sign-in is off</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          This deployment runs as a demo: everyone acts as the demo user with the admin role. Set OIDC_ISSUER (with its
          client, SESSION_SECRET and APP_URL) to require sign-in.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline dark:text-brand-100">
          Go to the overview
        </Link>
      </section>
    );
  }
  if (await getPageActor()) redirect(returnTo);
  const error = errors[first(params.error) ?? ""];
  const signedOut = first(params.signedOut) === "1";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Sign in to CostLens</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Use your company account ({config.issuer.host}). Your groups decide what you can change; everyone signed in can
        read every squad&apos;s spend.
      </p>
      {signedOut ? (
        <p role="status" className="mt-4 text-sm text-emerald-800 dark:text-emerald-200">
          You are signed out.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <form method="post" action="/api/auth/sign-in" className="mt-6">
        <input type="hidden" name="returnTo" value={returnTo} />
        <button
          type="submit"
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Sign in with your company account
        </button>
      </form>
    </section>
  );
}
