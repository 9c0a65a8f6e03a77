// An admin changes how shared costs reach the squads on the Settings page: a rejected form keeps what was
// typed and says why beside the field, a valid one saves with the promised message, the choice survives a
// reload and shows in the recent-changes table. Runs against the sandbox-ingested server (port
// E2E_SANDBOX_PORT, 3203), whose cost data fills the service checkboxes, and puts the original split back
// at the end so the specs after it see the policy they expect.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations, screenshots } from "./helpers";

const sandboxServer = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 3203}`;
test.use({ baseURL: sandboxServer });

const splitLabels = ["Keep a Shared line", "Proportional to direct spend", "Evenly"] as const;
const savedMessage = "Saved. Takes effect at the next allocation run, which recomputes history.";

const sharedCosts = (page: Page) => page.getByRole("region", { name: "Shared costs" });
const splitRadio = (section: Locator, label: string) => section.getByRole("radio", { name: label, exact: true });

async function checkedSplit(section: Locator): Promise<string> {
  for (const label of splitLabels) if (await splitRadio(section, label).isChecked()) return label;
  throw new Error("no split is chosen on the form");
}

async function saveSplit(page: Page, label: string) {
  const section = sharedCosts(page);
  await splitRadio(section, label).check();
  await section.getByRole("button", { name: "Save shared-cost policy" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Saved." })).toHaveText(savedMessage);
}

test("an admin splits shared costs proportionally, and the policy is kept", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const section = sharedCosts(page);
  await expect(section.getByRole("heading", { level: 2, name: "Shared costs" })).toBeVisible();
  // The sandbox bills NAT gateways inside "EC2 - Other": the service is offered, the usage group too.
  await expect(section.getByRole("checkbox", { name: "EC2 - Other", exact: true })).toBeVisible();
  await expect(section.getByRole("checkbox", { name: /^NAT Gateway/ })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  const original = await checkedSplit(section);

  try {
    // A name longer than Cost Explorer allows is refused beside its field, and nothing is saved.
    const otherServices = section.getByLabel("Other services, one a line");
    await otherServices.fill("x".repeat(201));
    await splitRadio(section, "Proportional to direct spend").check();
    await section.getByRole("button", { name: "Save shared-cost policy" }).click();
    await expect(section.getByRole("alert")).toHaveText("Check the highlighted fields; nothing was saved.");
    await expect(section.getByLabel("Other services, one a line")).toHaveAttribute("aria-invalid", "true");
    await expect(section.getByLabel("Other services, one a line")).toHaveAccessibleDescription(
      /At most 100 services, each name at most 200 characters\./,
    );
    await expect(splitRadio(section, "Proportional to direct spend")).toBeChecked();
    await expectNoSeriousAccessibilityViolations(page);

    await section.getByLabel("Other services, one a line").fill("");
    await saveSplit(page, "Proportional to direct spend");
    await expect(section.getByText(/Last changed by demo/)).toBeVisible();
    await page.screenshot({ path: `${screenshots}/settings-shared-costs-saved.png`, fullPage: true });

    await page.reload();
    await expect(splitRadio(sharedCosts(page), "Proportional to direct spend")).toBeChecked();
    await expect(
      sharedCosts(page)
        .getByRole("list", { name: "Shared-cost policy in effect" })
        .getByText("Split: Proportional to direct spend"),
    ).toBeVisible();
    const changes = page.getByRole("table", { name: "Recent ownership rule and shared-cost policy changes" });
    await expect(changes.getByRole("row").filter({ hasText: "shared-cost policy" }).first()).toContainText(
      "Split: Proportional to direct spend",
    );
    expect(errors).toEqual([]);
  } finally {
    // Put the split back whatever happened above (the other parts of the policy were never changed).
    await page.goto("/settings");
    await saveSplit(page, original);
  }
});
