import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ViewerProvider } from "@/components/auth/viewer-context";
import { AppShell, SignedOutShell } from "@/components/layout/app-shell";
import { DataFreshnessBanner } from "@/components/status/data-freshness-banner";
import { themeBootScript } from "@/components/theme/theme-boot-script";
import { getPageContext } from "@/lib/auth/page-actor";
import { CSRF_META_NAME } from "@/lib/security/csrf-header";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "CostLens", template: "%s · CostLens" },
  description: "Every squad's AWS spend, the waste in it, and the Terraform pull requests that remove it.",
};

// Every page is rendered per request: the CSP nonce and the signed-in person are per request.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { viewer, nonce, csrfToken } = await getPageContext();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: themeBootScript }} />
        {csrfToken ? <meta name={CSRF_META_NAME} content={csrfToken} /> : null}
      </head>
      <body className="bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>
          <ViewerProvider viewer={viewer}>
            {viewer.signInEnabled && !viewer.signedIn ? (
              <SignedOutShell>{children}</SignedOutShell>
            ) : (
              <AppShell viewer={viewer}>
                <DataFreshnessBanner />
                {children}
              </AppShell>
            )}
          </ViewerProvider>
        </Providers>
      </body>
    </html>
  );
}
