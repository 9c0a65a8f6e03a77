"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * Writes a page's range and filters into its query string (router.replace, no scroll, no history entry),
 * so the URL is always a shareable link to what is on screen. The server parts of the page follow the
 * new URL in a transition; client charts fetch their JSON meanwhile.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const replace = useCallback(
    (params: Record<string, string | null | undefined>) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
      const query = search.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router],
  );
  return { replace, pending };
}
