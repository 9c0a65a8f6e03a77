import { expect, test } from "@playwright/test";
import { navigation } from "@/components/layout/navigation";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations, screenshots } from "./helpers";

const emptyServer = `http://127.0.0.1:${process.env.E2E_EMPTY_PORT ?? 3202}`;

const slug = (href: string) => (href === "/" ? "overview" : href.slice(1));

test.describe("the app shell with data", () => {
  for (const item of navigation) {
    test(`${item.label} opens from the navigation and renders without errors`, async ({ page }) => {
      const errors = collectConsoleErrors(page);
      await page.goto("/");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item.label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${item.href === "/" ? "/$" : item.href}$`));
      await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
      await expect(page.getByRole("link", { name: item.label, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("status").filter({ hasText: "Database embedded" })).toBeVisible();
      await expect(page.getByText("No cost data yet")).toHaveCount(0);
      await expectNoSeriousAccessibilityViolations(page);
      await page.screenshot({ path: `${screenshots}/shell-${slug(item.href)}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }

  test("the overview shows the last 30 days with a chart and exact totals", async ({ page }) => {
    await page.goto("/");
    // The seed: 1,367.50 on the last day, 9.51 more for each day before it (see fixtures/seed-shell-data.ts).
    await expect(page.getByText("Last 30 days", { exact: true }).locator("..")).toContainText("$45,162");
    await expect(page.getByText(/^Latest day/).locator("..")).toContainText("$1,367.50");
    await expect(
      page.getByRole("img", { name: "Daily spend, last 30 days" }).locator(".recharts-bar-rectangle"),
    ).toHaveCount(30);
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/shell-overview-dark.png`, fullPage: true });
  });

  test("the jobs page shows a failed run with its error", async ({ page }) => {
    await page.goto("/jobs");
    const recent = page.getByRole("table", { name: "Recent job runs" });
    await expect(recent.getByRole("row", { name: /opencost.*Failed/ })).toContainText(
      "OpenCost /allocation answered 503",
    );
  });

  test("an admin queues a run from the jobs page, once however often they click", async ({ page }) => {
    await page.goto("/jobs");
    const jobs = page.getByRole("table", { name: "Jobs, their schedules and latest runs" });
    const jobRow = jobs.getByRole("row", { name: /cost-explorer/ });
    const runNow = jobRow.getByRole("button", { name: "Run now cost-explorer" });
    await runNow.click();
    await expect(jobRow.getByRole("status")).toHaveText("Queued");
    await runNow.click();
    await expect(jobRow.getByRole("status")).toHaveText("Already queued");
    const recent = page.getByRole("table", { name: "Recent job runs" });
    await expect(recent.getByRole("row", { name: /cost-explorer.*Queued.*ui/ })).toHaveCount(1);
    await page.screenshot({ path: `${screenshots}/jobs-run-now.png`, fullPage: true });
  });
});

const emptyStates: Record<string, string> = {
  "/": "No cost data yet",
  "/squads": "No squads yet",
  "/reconciliation": "No cost data yet",
  "/waste": "No open recommendations",
  "/pull-requests": "No pull requests yet",
  "/review": "No cost data yet",
  "/jobs": "No job has run yet",
  "/settings": "No ownership rules yet",
  "/admin/audit": "No audit events match",
};

test.describe("the app shell on an empty database", () => {
  for (const item of navigation) {
    test(`${item.label} shows its empty state`, async ({ page }) => {
      const errors = collectConsoleErrors(page);
      await page.goto(`${emptyServer}${item.href}`);
      await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
      await expect(page.getByText(emptyStates[item.href]!, { exact: false }).first()).toBeVisible();
      await expectNoSeriousAccessibilityViolations(page);
      await page.screenshot({ path: `${screenshots}/empty-${slug(item.href)}.png`, fullPage: true });
      expect(errors).toEqual([]);
    });
  }

  test("the overview tells a newcomer which command fills it", async ({ page }) => {
    await page.goto(emptyServer);
    await expect(page.getByRole("region", { name: "No cost data yet" })).toContainText("npm run jobs -- run all");
  });

  test("GET /api/health reports the embedded database", async ({ request }) => {
    const response = await request.get(`${emptyServer}/api/health`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { reachable: true, mode: "embedded" },
      jobs: [],
    });
  });

  test("an unknown page says so and links home", async ({ page }) => {
    const response = await page.goto(`${emptyServer}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "Back to the overview" })).toBeVisible();
  });
});
