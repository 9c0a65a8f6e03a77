// The Pull requests table and its links, rendered to markup: sortable headers say how they sort, every
// recommendation links to its page, a merged pull request without a realised figure says it is waiting.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pullRequestsHref, sortHref } from "@/components/pull-requests/list-params";
import { PullRequestPagination } from "@/components/pull-requests/pull-request-pagination";
import { PullRequestTable } from "@/components/pull-requests/pull-request-table";
import type { PullRequestListItem, PullRequestListQuery } from "@/lib/queries/pull-request-list";

const query: PullRequestListQuery = { state: "ALL", sort: "opened", dir: "desc", page: 1 };

const merged: PullRequestListItem = {
  id: "pr1",
  repo: "acme-shop/infrastructure",
  number: 7,
  url: "https://github.example/acme-shop/infrastructure/pull/7",
  title: "Delete zombie instance i-0abc",
  state: "MERGED",
  createdBy: "engineer@example.com",
  createdAt: new Date("2026-11-01T10:00:00Z"),
  mergedAt: new Date("2026-11-02T09:30:00Z"),
  closedAt: new Date("2026-11-02T09:30:00Z"),
  projectedSaving: "580.64",
  realisedSaving: null,
  realisedAt: null,
  recommendations: [
    { id: "rec1", type: "ZOMBIE_INSTANCE", resourceId: "i-0abc", status: "RESOLVED", realisedSaving: null },
  ],
};

describe("pull request list links", () => {
  it("keeps defaults out of the URL and flips the sort direction on a second click", () => {
    expect(pullRequestsHref(query)).toBe("/pull-requests");
    expect(pullRequestsHref({ ...query, state: "MERGED", page: 2 })).toBe("/pull-requests?state=MERGED&page=2");
    expect(sortHref(query, "projected")).toBe("/pull-requests?sort=projected");
    expect(sortHref({ ...query, sort: "projected" }, "projected")).toBe("/pull-requests?sort=projected&dir=asc");
    expect(sortHref({ ...query, sort: "projected", dir: "asc", page: 3 }, "projected")).toBe(
      "/pull-requests?sort=projected",
    );
  });
});

describe("PullRequestTable", () => {
  it("renders the pull request, its recommendations and its savings", () => {
    const html = renderToStaticMarkup(createElement(PullRequestTable, { items: [merged], query }));
    expect(html).toContain('href="https://github.example/acme-shop/infrastructure/pull/7"');
    expect(html).toContain('href="/waste/recommendations/rec1"');
    expect(html).toContain("Zombie instance: i-0abc");
    expect(html).toContain("acme-shop/infrastructure#7");
    expect(html).toContain("waiting for the bill");
    expect(html).toContain("$580.64");
    expect(html).toContain(", sorted descending");
    expect(html).toContain("<caption");
  });

  it("shows the realised figure once there is one", () => {
    const html = renderToStaticMarkup(
      createElement(PullRequestTable, { items: [{ ...merged, realisedSaving: "512.3" }], query }),
    );
    expect(html).toContain("$512.30");
    expect(html).not.toContain("waiting for the bill");
  });
});

describe("PullRequestPagination", () => {
  it("links the previous and next pages, and renders nothing for a single page", () => {
    const html = renderToStaticMarkup(
      createElement(PullRequestPagination, { query: { ...query, page: 2 }, page: 2, pageCount: 3, total: 60 }),
    );
    expect(html).toContain('href="/pull-requests"');
    expect(html).toContain('href="/pull-requests?page=3"');
    expect(html).toContain("Page 2 of 3");
    expect(renderToStaticMarkup(createElement(PullRequestPagination, { query, page: 1, pageCount: 1, total: 3 }))).toBe(
      "",
    );
  });
});
