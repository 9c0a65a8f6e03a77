// An engineer opens a Terraform pull request from a zombie instance on the sandbox-ingested server: the
// button shows its progress, then the link; a double click sends one request, a second browser that still
// shows the button gets the same pull request, and a reload shows the link instead of the button. A
// zombie made outside Terraform shows the refusal with its reason and the AWS CLI command.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations, screenshots } from "./helpers";

const sandboxServer = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 3203}`;

test.use({ baseURL: sandboxServer });

interface Item {
  id: string;
  resourceId: string;
  status: string;
  terraformAddress: string | null;
}

async function openZombies(request: APIRequestContext): Promise<Item[]> {
  const response = await request.get("/api/recommendations?type=zombie-instance&status=OPEN&limit=200");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Item[] }).items;
}

/** A zombie the Terraform index found as a plain root-module resource: the planner can delete its block. */
async function managedZombie(request: APIRequestContext): Promise<Item> {
  const zombie = (await openZombies(request)).find(
    (item) =>
      item.terraformAddress !== null &&
      !item.terraformAddress.startsWith("module.") &&
      !item.terraformAddress.includes("["),
  );
  expect(zombie, "the sandbox plants zombie instances that Terraform manages").toBeDefined();
  return zombie!;
}

async function unmanagedZombie(request: APIRequestContext): Promise<Item> {
  const zombie = (await openZombies(request)).find((item) => item.terraformAddress === null);
  expect(zombie, "the sandbox plants zombie instances made in the console").toBeDefined();
  return zombie!;
}

const pullRequestLink = (page: Page) => page.getByRole("link", { name: /^View pull request #\d+/ });
const openButton = (page: Page) => page.getByRole("button", { name: "Open Terraform PR" });

test.describe("an engineer opens a Terraform pull request", () => {
  test("clicks Open Terraform PR, sees the link, and gets the same pull request again", async ({
    page,
    browser,
    request,
  }) => {
    const errors = collectConsoleErrors(page);
    const zombie = await managedZombie(request);
    const path = `/waste/recommendations/${zombie.id}`;
    const apiPath = `/api/recommendations/${zombie.id}/pull-request`;

    // a second browser that loads the page before the pull request exists
    const other = await browser.newContext({ baseURL: sandboxServer });
    const otherPage = await other.newPage();
    await otherPage.goto(path);
    await expect(openButton(otherPage)).toBeEnabled();

    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: `Zombie instance: ${zombie.resourceId}` })).toBeVisible();
    await expect(openButton(page)).toBeEnabled();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/pull-request-button.png`, fullPage: true });

    const posts: string[] = [];
    page.on("request", (sent) => {
      if (sent.method() === "POST" && sent.url().endsWith(apiPath)) posts.push(sent.url());
    });
    await openButton(page).dblclick();
    const link = pullRequestLink(page);
    await expect(link).toBeVisible({ timeout: 45_000 });
    expect(posts, "a double click sends one request").toHaveLength(1);
    await expect(openButton(page)).toHaveCount(0);
    const href = await link.getAttribute("href");
    const name = (await link.textContent()) ?? "";
    const number = Number(/#(\d+)/.exec(name)?.[1]);
    expect(href).toMatch(new RegExp(`/acme-shop/infrastructure/pull/${number}$`));
    await expect(page.getByRole("status").filter({ hasText: `Pull request #${number} is open.` })).toBeAttached();
    await expect(page.getByRole("heading", { name: "Status: In progress" })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/pull-request-opened.png`, fullPage: true });

    // the other browser still shows the button: its click gets the same pull request
    await openButton(otherPage).click();
    await expect(pullRequestLink(otherPage)).toHaveAttribute("href", href!, { timeout: 45_000 });
    await expect(pullRequestLink(otherPage)).toHaveText(new RegExp(`#${number}\\b`));
    await other.close();

    // a reload shows the link, not the button
    await page.reload();
    await expect(pullRequestLink(page)).toHaveAttribute("href", href!);
    await expect(openButton(page)).toHaveCount(0);

    // and the API answers 200 with the same pull request
    const again = await request.post(apiPath);
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ url: href, number, state: "OPEN" });
    expect(errors).toEqual([]);
  });

  test("a zombie made outside Terraform shows the reason and the AWS CLI command", async ({ page, request }) => {
    const errors = collectConsoleErrors(page);
    const zombie = await unmanagedZombie(request);
    await page.goto(`/waste/recommendations/${zombie.id}`);
    await openButton(page).click();

    const panel = page.getByRole("region", { name: "No pull request: CostLens will not edit Terraform for this" });
    await expect(panel).toBeVisible({ timeout: 45_000 });
    await expect(panel).toContainText(zombie.resourceId);
    await expect(panel).toContainText("not in any Terraform state");
    await expect(panel.locator("pre code")).toContainText(zombie.resourceId);
    await expect(panel.getByRole("button", { name: "Copy command" })).toBeVisible();
    // nothing was opened: the button is still there, and the API still reports no pull request
    await expect(openButton(page)).toBeEnabled();
    const lookup = await request.get(`/api/recommendations/${zombie.id}/pull-request`);
    expect(await lookup.json()).toEqual({ pullRequest: null });
    await expectNoSeriousAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/pull-request-refused.png`, fullPage: true });
    // the 422 is the refusal the page explains, which Chromium also logs as a failed resource
    expect(errors.filter((error) => !/status of 422/.test(error))).toEqual([]);
  });
});
