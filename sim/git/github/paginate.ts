// page / per_page paging with GitHub's Link header (rel next, prev, first, last), which Octokit follows.
import { z } from "zod";
import type { SimRequest } from "../../server/types";

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  per_page: z.coerce.number().int().min(1).max(100).catch(30),
});

export function paginate<T>(req: SimRequest, url: string, items: T[]): { page: T[]; headers: Record<string, string> } {
  const { page, per_page: perPage } = pageQuery.parse({
    page: req.query.get("page") ?? undefined,
    per_page: req.query.get("per_page") ?? undefined,
  });
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(req.query);
    query.set("page", String(n));
    query.set("per_page", String(perPage));
    return `<${url}?${query.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, "prev")] : []),
    ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ...(page > 1 ? [link(1, "first")] : []),
  ];
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}
