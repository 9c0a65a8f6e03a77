// A squad lead's morning and a FinOps lead's check, on data the real jobs ingested from the sandbox cloud:
// every figure on screen is checked against the JSON API for the same query.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { isZeroToTheCent, sumAmounts } from "@/components/charts/exact-decimal";
import { csvField } from "@/lib/csv/build-csv";
import { formatUsd } from "@/lib/format/money";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations, screenshots } from "./helpers";

test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 3203}` });

interface SquadSpend {
  total: string;
  previousTotal: string;
  days: Array<{ day: string; total: string; groups: Record<string, string> }>;
  groups: Array<{ key: string; total: string }>;
}

/** Exact amounts compared as amounts ("1.50" equals "1.5"). */
const same = (amount: string) => sumAmounts([amount]);

async function settled(page: Page) {
  await expect(page.getByText("Updating…")).toHaveCount(0);
}

test("a squad lead opens the overview, a squad, changes the range, drills into a namespace and downloads the CSV", async ({
  page,
  request,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText("Month to date", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Spend by squad, last 30 days" })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/squad-lead-overview.png`, fullPage: true });

  // Open the squad that moved most this week.
  const squadLink = page.getByRole("table", { name: "Top movers this week" }).getByRole("link").first();
  const squadName = (await squadLink.textContent())?.trim() ?? "";
  await squadLink.click();
  await expect(page).toHaveURL(/\/squads\/[^/?]+/);
  await expect(page.getByRole("heading", { level: 1, name: squadName })).toBeVisible();
  const slug = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");

  // The default range: the last 30 days ending with the newest cost day.
  await expect(page.getByRole("button", { name: "Last 30 days" })).toHaveAttribute("aria-pressed", "true");

  // Change the range: the URL follows, the data comes from the API without a reload.
  await page.getByRole("button", { name: "Last 90 days" }).click();
  await expect(page.getByRole("button", { name: "Last 90 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}/);
  await settled(page);
  const params = new URL(page.url()).searchParams;
  const from = params.get("from")!;
  const to = params.get("to")!;
  expect(params.get("groupBy")).toBe("namespace");

  const response = await request.get(
    `/api/spend/squads/${encodeURIComponent(slug)}?from=${from}&to=${to}&groupBy=namespace`,
  );
  expect(response.status()).toBe(200);
  const api = (await response.json()) as SquadSpend;
  expect(api.days).toHaveLength(90);
  await expect(page.getByText(/^Spend, /).locator("..")).toContainText(formatUsd(api.total));
  await expect(page.getByText("Previous 90 days", { exact: true }).locator("..")).toContainText(
    formatUsd(api.previousTotal),
  );
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/squad-lead-squad-90-days.png`, fullPage: true });

  // Drill into the squad's largest namespace.
  const namespace = api.groups.find((group) => group.key !== "(outside Kubernetes)") ?? api.groups[0];
  expect(namespace, "the squad has spend to drill into").toBeDefined();
  await page
    .getByRole("table", { name: "Spend by namespace" })
    .getByRole("button", { name: `Drill into namespace ${namespace!.key}`, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`namespace=${encodeURIComponent(namespace!.key).replace(/[()]/g, "\\$&")}`));
  const figure = page.getByRole("figure", { name: `Daily spend of namespace ${namespace!.key}` });
  await expect(figure).toBeVisible();
  await expect(page.getByText(`Namespace ${namespace!.key}`, { exact: true }).locator("..")).toContainText(
    formatUsd(namespace!.total),
  );

  // The table view shows exactly the plotted days.
  await figure.getByRole("button", { name: "Table", exact: true }).click();
  const rows = figure.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(api.days.length + 1);
  const lastDay = api.days.at(-1)!;
  await expect(rows.last()).toContainText(formatUsd(lastDay.groups[namespace!.key] ?? "0"));
  await page.screenshot({ path: `${screenshots}/squad-lead-namespace-table.png`, fullPage: true });

  // The CSV holds the same rows, with exact amounts that match the API.
  const downloading = page.waitForEvent("download");
  await figure.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^squad-.*\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe(`Day,${csvField(namespace!.key)},Total`);
  expect(lines).toHaveLength(api.days.length + 1);
  for (const [index, day] of api.days.entries()) {
    const [csvDay, amount, total] = lines[index + 1]!.split(",");
    const expected = same(day.groups[namespace!.key] ?? "0");
    expect([csvDay, same(amount!), same(total!)]).toEqual([day.day, expected, expected]);
  }
  const csvTotal = sumAmounts(lines.slice(1).map((line) => line.split(",")[1]!));
  expect(same(csvTotal)).toBe(same(namespace!.total));

  // Switch to services: the grouping follows in the URL and the breakdown matches the API.
  await page.getByRole("button", { name: "By service" }).click();
  await expect(page).toHaveURL(/groupBy=service/);
  await settled(page);
  const byService = (await (
    await request.get(`/api/spend/squads/${encodeURIComponent(slug)}?from=${from}&to=${to}&groupBy=service`)
  ).json()) as SquadSpend;
  await expect(page.getByRole("figure", { name: "Daily spend by service" })).toBeVisible();
  const biggestService = byService.groups[0]!;
  // The breakdown's data row for the service (the chart's table view lists services as column headers).
  await expect(
    page
      .getByRole("table", { name: "Spend by service" })
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: `Drill into service ${biggestService.key}`, exact: true }) }),
  ).toContainText(formatUsd(biggestService.total));

  // The link is shareable: opening it afresh shows the same range and grouping.
  await page.goto(page.url());
  await expect(page.getByRole("button", { name: "Last 90 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "By service" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/^Spend, /).locator("..")).toContainText(formatUsd(byService.total));

  await page.getByRole("button", { name: /Switch to dark theme/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/squad-lead-squad-dark.png`, fullPage: true });
  await page.getByRole("button", { name: /Switch to light theme/ }).click();
  expect(errors).toEqual([]);
});

test("the squads list matches the API for the same range", async ({ page, request }) => {
  await page.goto("/squads");
  await expect(page.getByRole("heading", { level: 1, name: "Squads" })).toBeVisible();
  const api = (await (await request.get("/api/spend/squads")).json()) as {
    bill: string;
    squads: Array<{ slug: string; name: string; total: string }>;
  };
  await expect(page.getByText(/^Bill, /).locator("..")).toContainText(formatUsd(api.bill));
  const first = api.squads[0]!;
  await expect(
    page
      .getByRole("table", { name: "Squads and their spend" })
      .getByRole("row", { name: new RegExp(`^${first.name}`) }),
  ).toContainText(formatUsd(first.total));
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/squad-lead-squads.png`, fullPage: true });
});

test("a FinOps lead sees every day reconcile to the bill, and whom to chase", async ({ page, request }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Reconciliation", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Reconciliation" })).toBeVisible();

  const api = (await (await request.get("/api/spend/reconciliation")).json()) as {
    days: Array<{ day: string; bill: string; difference: string }>;
  };
  expect(api.days.length).toBeGreaterThan(0);
  expect(api.days.filter((day) => !isZeroToTheCent(day.difference))).toEqual([]);

  const differences = page.getByText("Days with a difference", { exact: true }).locator("..");
  await expect(differences).toContainText("0");
  await expect(differences).toContainText("Every day reconciles to the cent");
  await expect(page.getByText("(does not reconcile)")).toHaveCount(0);
  const table = page.getByRole("table", { name: "Reconciliation by day" });
  const newest = api.days.at(-1)!;
  await expect(table.getByRole("row", { name: new RegExp(`^${newest.day}`) })).toContainText(formatUsd(newest.bill));
  await expect(page.getByText("Spend with an owner", { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Accounts with the most unallocated spend" })
      .or(page.getByText("Every account's spend has an owner")),
  ).toBeVisible();

  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/finops-reconciliation.png`, fullPage: true });
  expect(errors).toEqual([]);
});
