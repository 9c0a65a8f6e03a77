// Where the PDF export's browser loads the review from: the configured public origin (APP_URL) when there
// is one, else the host this request was sent to. The Host header is used as sent rather than Next's
// request URL, which may rewrite 127.0.0.1 as localhost (a name that can resolve to ::1 where the server
// does not listen); one that is not a plain host[:port] falls back to the request URL's origin.
const plainHost = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

export function reviewOrigin(request: Request, appUrl: string | undefined): string {
  if (appUrl) return new URL(appUrl).origin;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host && plainHost.test(host) ? `${url.protocol}//${host}` : url.origin;
}
