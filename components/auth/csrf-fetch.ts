// fetch for state-changing calls to our own API: adds the session's CSRF token, which the root layout puts
// in <meta name="csrf-token">. Without sign-in there is no token and no header: the server's Origin check
// is the guard then.
import { CSRF_HEADER, CSRF_META_NAME } from "@/lib/security/csrf-header";

/** The headers to add to a POST/PUT/PATCH/DELETE of ours; empty when the page carries no token. */
export function csrfHeaders(): Record<string, string> {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${CSRF_META_NAME}"]`)?.content;
  return token ? { [CSRF_HEADER]: token } : {};
}

export function csrfFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(csrfHeaders())) headers.set(name, value);
  return fetch(input, { ...init, headers, credentials: "same-origin" });
}
