// An engineer cleaning up: opens Waste, filters to their squad, opens a zombie instance and reads its
// evidence (charts and the same numbers as a table), dismisses another recommendation with a reason and
// sees it dismissed. Runs against the sandbox-ingested server, whose figures it checks against the JSON API.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { formatUsd } from "@/lib/format/money";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations } from "./helpers";

const sandboxServer = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 3203}`;
const emptyServer = `http://127.0.0.1:${process.env.E2E_EMPTY_PORT ?? 3202}`;
const screenshots = "tests/e2e/screenshots";
mkdirSync(screenshots, { recursive: true });

test.use({ baseURL: sandboxServer });

interface Item {
  id: string;
  type: string;
  resourceId: string;
  squad: string | null;
  status: string;
  monthlySaving: string;
}

interface Detail extends Item {
  currentMonthlyCost: string;
  projectedMonthlyCost: string;
  dismissedReason: string | null;
  dismissedBy: string | null;
  evidence: {
    lookbackDays: number;
    metrics: Array<{ metric: string; label: string; days: Array<{ day: string; maximum: number | null }> }>;
  } | null;
}

async function list(request: APIRequestContext, query: string): Promise<{ items: Item[]; nextCursor: string | null }> {
  const response = await request.get(`/api/recommendations?${query}`);
  expect(response.status(), `GET /api/recommendations?${query}`).toBe(200);
  return response.json();
}

async function detail(request: APIRequestContext, id: string): Promise<Detail> {
  const response = await request.get(`/api/recommendations/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** A squad with an open zombie and at least one other open recommendation, so the story can run. */
async function pickSquad(request: APIRequestContext) {
  const zombies = await list(request, "type=zombie-instance&status=OPEN&limit=200");
  const owned = zombies.items.filter((item) => item.squad !== null);
  expect(owned.length, "the sandbox ingest plants zombie instances owned by squads").toBeGreaterThan(0);
  for (const zombie of owned) {
    const squad = zombie.squad!;
    const open = await list(request, `squad=${squad}&status=OPEN&limit=200`);
    const firstZombie = (await list(request, `type=zombie-instance&squad=${squad}&status=OPEN&limit=1`)).items[0]!;
    const other = open.items.find((item) => item.id !== firstZombie.id);
    if (other) return { squad, zombie: firstZombie, other, firstOpen: open.items[0]! };
  }
  throw new Error("No squad has an open zombie and another open recommendation");
}

const filterBar = (page: Page) => page.getByRole("search", { name: "Filter recommendations" });

test.describe("an engineer cleans up their squad's waste", () => {
  test("filters Waste to their squad, reads a zombie's evidence, dismisses another", async ({ page, request }) => {
    const errors = collectConsoleErrors(page);
    const { squad, zombie, other, firstOpen } = await pickSquad(request);

    // The overview: totals first, then by type and by squad.
    await page.goto("/waste");
    await expect(page.getByRole("heading", { level: 1, name: "Waste" })).toBeVisible();
    await expect(page.getByText("Monthly saving found")).toBeVisible();
    const byType = page.getByRole("table", { name: "Monthly saving by type" });
    await expect(byType.getByRole("link", { name: "Zombie instance" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Monthly saving by squad" }).getByRole("link", { name: squad, exact: true }),
    ).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-overview.png`, fullPage: true });

    // Filter to the squad: the URL carries it, the totals and the list follow without a full reload.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    await filterBar(page).getByLabel("Squad").selectOption(squad);
    await expect(page).toHaveURL(new RegExp(`[?&]squad=${squad}(&|$)`));
    await expect(page.getByRole("heading", { name: `By type, ${squad}` })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    const recommendations = page.getByRole("table", { name: "Recommendations matching the filters" });
    // Largest saving first, as the API orders them.
    await expect(recommendations.getByRole("row").nth(1).getByRole("link").first()).toHaveText(firstOpen.resourceId);
    await expect(recommendations.getByRole("row").nth(1)).toContainText(formatUsd(firstOpen.monthlySaving));
    await page.screenshot({ path: `${screenshots}/waste-overview-squad.png`, fullPage: true });

    // The squad's zombie instances, then the one to read.
    await page
      .getByRole("table", { name: `Monthly saving by type for ${squad}` })
      .getByRole("link", { name: "Zombie instance" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/waste/zombie-instance\\?squad=${squad}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Zombie instance" })).toBeVisible();
    await expect(filterBar(page).getByLabel("Squad")).toHaveValue(squad);
    const zombies = page.getByRole("table", { name: "Zombie instance recommendations" });
    await expect(zombies.getByRole("link", { name: zombie.resourceId, exact: true })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-zombie-list.png`, fullPage: true });
    await zombies.getByRole("link", { name: zombie.resourceId, exact: true }).click();

    // The evidence: costs, charts with the threshold, the same numbers as a table.
    const evidence = await detail(request, zombie.id);
    expect(evidence.evidence, "a zombie's evidence parses").not.toBeNull();
    await expect(page).toHaveURL(new RegExp(`/waste/recommendations/${zombie.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Zombie instance: ${zombie.resourceId}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Status: Open" })).toBeVisible();
    await expect(page.getByText("Monthly saving", { exact: true }).locator("..")).toContainText(
      formatUsd(evidence.monthlySaving),
    );
    await expect(page.getByText("Costs now, a month").locator("..")).toContainText(
      formatUsd(evidence.currentMonthlyCost),
    );
    const cpuSeries = evidence.evidence!.metrics.find((series) => series.metric === "AWS/EC2/CPUUtilization")!;
    const cpuChart = page.getByRole("img", { name: /^CPU utilisation, / });
    await expect(cpuChart).toBeVisible();
    await expect(cpuChart.locator(".recharts-line-curve").first()).toBeVisible();
    await expect(cpuChart.locator(".recharts-reference-line")).toHaveCount(1);
    await expect(page.getByRole("img", { name: /^Network in, / })).toBeVisible();
    await expect(page.getByRole("table", { name: "Prices used in the saving" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tags" })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-zombie-evidence.png`, fullPage: true });

    const cpuFigure = page.getByRole("figure", { name: /CPU utilisation/ });
    await cpuFigure.getByRole("button", { name: "Table" }).click();
    await expect(cpuFigure.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
    const cpuTable = cpuFigure.getByRole("table", { name: /^CPU utilisation, .*as a table$/ });
    await expect(cpuTable.getByRole("row")).toHaveCount(cpuSeries.days.length + 1);
    const firstDay = [...cpuSeries.days].sort((a, b) => a.day.localeCompare(b.day))[0]!;
    await expect(cpuTable.getByRole("row").nth(1)).toContainText(firstDay.day);
    await expect(cpuFigure.getByRole("link", { name: /Download CSV/ })).toHaveAttribute("href", /^data:text\/csv/);
    await cpuFigure.screenshot({ path: `${screenshots}/waste-zombie-evidence-table.png` });

    // The same evidence in the dark theme.
    await page.getByRole("button", { name: /Switch to dark theme/ }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-zombie-evidence-dark.png`, fullPage: true });
    await page.getByRole("button", { name: /Switch to light theme/ }).click();

    // Dismiss another recommendation with a reason: a real dialog, Escape closes it, a reason is required.
    await page.goto(`/waste/recommendations/${other.id}`);
    const dismiss = page.getByRole("button", { name: "Dismiss", exact: true });
    await dismiss.click();
    const dialog = page.getByRole("dialog", { name: "Dismiss this recommendation?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Reason")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(dismiss).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    // Tab stays inside the dialog: reason, Cancel, Dismiss recommendation, then the reason again.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Dismiss recommendation" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Reason")).toBeFocused();
    await dialog.getByRole("button", { name: "Dismiss recommendation" }).click();
    await expect(dialog.getByText(/at least 3 characters/)).toBeVisible();
    await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    const reason = `Batch host, busy at month end only (e2e ${Date.now()})`;
    await dialog.getByLabel("Reason").fill(reason);
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-dismiss-dialog.png`, fullPage: true });
    await dialog.getByRole("button", { name: "Dismiss recommendation" }).click();

    await expect(dialog).toBeHidden();
    const status = page.getByRole("region", { name: "Status: Dismissed" });
    await expect(status).toContainText(reason);
    // sign-in is off on the e2e servers: every action is the built-in demo user's
    await expect(status).toContainText("demo");
    await expect(page.getByRole("heading", { name: "Status: Dismissed" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Dismiss", exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${screenshots}/waste-dismissed.png`, fullPage: true });

    const after = await detail(request, other.id);
    expect(after).toMatchObject({ status: "DISMISSED", dismissedReason: reason, dismissedBy: "demo" });
    await page.reload();
    await expect(page.getByRole("region", { name: "Status: Dismissed" })).toContainText(reason);

    // The squad's open list no longer has it.
    const open = await list(request, `squad=${squad}&status=OPEN&limit=200`);
    expect(open.items.map((item) => item.id)).not.toContain(other.id);
    expect(errors).toEqual([]);
  });

  test("a type's list sorts, filters by status and loads more without reloading", async ({ page, request }) => {
    const errors = collectConsoleErrors(page);
    const api = await list(request, "type=rightsizing&status=OPEN&limit=50");
    await page.goto("/waste/rightsizing");
    await expect(page.getByRole("heading", { level: 1, name: "Rightsizing" })).toBeVisible();
    const table = page.getByRole("table", { name: "Rightsizing recommendations" });
    await expect(table.getByRole("row")).toHaveCount(api.items.length + 1);

    await table.getByRole("button", { name: /^Resource/ }).click();
    await expect(table.getByRole("columnheader", { name: /Resource/ })).toHaveAttribute("aria-sort", "ascending");
    const smallest = [...api.items]
      .map((item) => item.resourceId)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))[0]!;
    await expect(table.getByRole("row").nth(1).getByRole("link").first()).toHaveText(smallest);
    await expect(page).toHaveURL(/sort=resource&dir=asc/);

    if (api.nextCursor) {
      await page.getByRole("button", { name: "Load more" }).click();
      await expect(table.getByRole("row")).not.toHaveCount(api.items.length + 1);
    }

    await filterBar(page).getByLabel("Status").selectOption("DISMISSED");
    await expect(page).toHaveURL(/status=DISMISSED/);
    const dismissed = await list(request, "type=rightsizing&status=DISMISSED&limit=50");
    if (dismissed.items.length === 0) {
      await expect(page.getByRole("region", { name: "No recommendations match these filters" })).toBeVisible();
    } else {
      await expect(table.getByRole("row")).toHaveCount(dismissed.items.length + 1);
    }
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/waste-type-list.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test("an unknown type says the page is not found", async ({ page }) => {
    await page.goto("/waste/not-a-type");
    await expect(page.getByRole("region", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("detector thresholds", () => {
  test("an admin sees errors inline, saves, and resets to the defaults", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto("/settings/detectors");
    await expect(page.getByRole("heading", { level: 1, name: "Detector thresholds" })).toBeVisible();
    const cpu = page.getByLabel("CPU maximum below");
    await expect(cpu).toHaveValue("5");
    await expect(page.getByLabel("Network in + out below")).toHaveValue("5");
    await expectNoSeriousAccessibilityViolations(page);

    await cpu.fill("150");
    await page.getByLabel("Lookback window").fill("");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    // (Next.js's route announcer is an alert too: pick ours by its text.)
    await expect(page.getByRole("alert").filter({ hasText: "need attention" })).toContainText(
      "2 values need attention",
    );
    // Each message sits beside its field and is part of the field's accessible description.
    await expect(cpu).toHaveAccessibleDescription(/Must be at most 100%\./);
    await expect(page.getByLabel("Lookback window")).toHaveAccessibleDescription(/Enter a value\./);
    await expect(page.getByLabel("Lookback window")).toBeFocused();
    await expect(cpu).toHaveAttribute("aria-invalid", "true");
    await expect(cpu).toHaveValue("150");
    await page.screenshot({ path: `${screenshots}/settings-detectors-invalid.png`, fullPage: true });

    await page.getByLabel("Lookback window").fill("14");
    await cpu.fill("4");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(page.getByText(/Last changed by demo/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("CPU maximum below")).toHaveValue("4");
    await page.screenshot({ path: `${screenshots}/settings-detectors-saved.png`, fullPage: true });

    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Defaults restored" })).toBeVisible();
    await expect(page.getByLabel("CPU maximum below")).toHaveValue("5");
    expect(errors).toEqual([]);
  });

  test("on an empty database the defaults are shown", async ({ page }) => {
    await page.goto(`${emptyServer}/settings/detectors`);
    await expect(page.getByText("Never changed: the defaults are in use.")).toBeVisible();
    await expect(page.getByLabel("Lookback window")).toHaveValue("14");
    await expectNoSeriousAccessibilityViolations(page);
  });
});
