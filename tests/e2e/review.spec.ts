// The FinOps lead's monthly review, on data the real jobs ingested from the sandbox cloud: open the last
// complete month, step through every slide with the keyboard in presentation mode (a screenshot of each),
// then export the deck as a PDF and check it as a reader would: one page a slide, the month's total and
// every squad's name in its text, charts drawn on its pages.
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatUsdWhole } from "@/lib/format/money";
import { collectConsoleErrors, expectNoSeriousAccessibilityViolations, screenshots } from "./helpers";

test.use({ baseURL: `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 3203}` });

const SLIDES = 9;
/** The first colour of the chart palette (components/charts/series-colours.ts): bars drawn in it. */
const CHART_GREEN = [0x14, 0xa3, 0x7f] as const;

interface SquadsSpend {
  bill: string;
  squads: Array<{ slug: string; name: string; total: string }>;
}

function nextMonthStart(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** Pixels of a binary PPM (P6) image: width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error(`${file} is not a binary PPM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

function pageStats(file: string) {
  const { pixels } = readPpm(file);
  let sum = 0;
  let sumSquares = 0;
  let chartPixels = 0;
  const count = pixels.length / 3;
  for (let index = 0; index < pixels.length; index += 3) {
    const [r, g, b] = [pixels[index]!, pixels[index + 1]!, pixels[index + 2]!];
    const grey = (r + g + b) / 3;
    sum += grey;
    sumSquares += grey * grey;
    if (Math.abs(r - CHART_GREEN[0]) < 24 && Math.abs(g - CHART_GREEN[1]) < 24 && Math.abs(b - CHART_GREEN[2]) < 24) {
      chartPixels += 1;
    }
  }
  const mean = sum / count;
  return { variance: sumSquares / count - mean * mean, chartPixels };
}

test("the FinOps lead presents the last complete month and exports it as a PDF", async ({ page, request }) => {
  test.setTimeout(240_000);
  const errors = collectConsoleErrors(page);

  // The month list marks partial months; the newest complete one is the review to present.
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Monthly review" })).toBeVisible();
  const completeRow = page.getByRole("row").filter({ hasText: "Complete" }).first();
  await expect(completeRow).toBeVisible();
  await expect(page.getByText("Partial").first()).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
  await completeRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/review\/\d{4}-\d{2}$/);
  const month = new URL(page.url()).pathname.split("/").pop()!;

  const response = await request.get(`/api/spend/squads?from=${month}-01&to=${nextMonthStart(month)}`);
  expect(response.status()).toBe(200);
  const spend = (await response.json()) as SquadsSpend;
  const squadNames = spend.squads.filter((squad) => Number(squad.total) !== 0).map((squad) => squad.name);
  expect(squadNames.length).toBeGreaterThan(0);

  await expect(page.getByRole("heading", { level: 1, name: /^Monthly review: / })).toBeVisible();
  const slides = page.locator("section[data-slide]");
  await expect(slides).toHaveCount(SLIDES);
  await expect(slides.first()).toContainText(formatUsdWhole(spend.bill));
  for (const name of squadNames) await expect(slides.nth(2)).toContainText(name);
  await expect(page.locator("[data-review-ready]")).toHaveCount(1);
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/review-deck.png`, fullPage: true });

  // Presentation mode: one slide at a time, moved with the keyboard.
  await page.getByRole("button", { name: "Present" }).click();
  await expect(page.locator(".review-deck[data-presenting]")).toHaveCount(1);
  const position = page.locator("[data-slide-counter]");
  await expect(position).toContainText(`1 / ${SLIDES}`);
  for (let slide = 1; slide <= SLIDES; slide += 1) {
    await expect(position).toContainText(`${slide} / ${SLIDES}`);
    await expect(slides.nth(slide - 1)).toBeVisible();
    await expect(page.locator("section[data-slide]:visible")).toHaveCount(1);
    await page.screenshot({ path: `${screenshots}/review-slide-${slide}.png` });
    if (slide < SLIDES)
      await page.keyboard.press(slide % 3 === 0 ? "PageDown" : slide % 3 === 1 ? "ArrowRight" : "Space");
  }
  await page.keyboard.press("ArrowRight");
  await expect(position).toContainText(`${SLIDES} / ${SLIDES}`);
  await page.keyboard.press("ArrowLeft");
  await expect(position).toContainText(`${SLIDES - 1} / ${SLIDES}`);
  await page.keyboard.press("PageUp");
  await expect(position).toContainText(`${SLIDES - 2} / ${SLIDES}`);
  await page.keyboard.press("Home");
  await expect(position).toContainText(`1 / ${SLIDES}`);
  await page.keyboard.press("End");
  await expect(position).toContainText(`${SLIDES} / ${SLIDES}`);

  // The presenter's notes, toggled with N.
  const notes = page.getByRole("complementary", { name: /^Presenter notes: / });
  await expect(notes.filter({ visible: true })).toHaveCount(0);
  await page.keyboard.press("n");
  await expect(notes.filter({ visible: true })).toHaveCount(1);
  await expectNoSeriousAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/review-notes.png` });
  await page.keyboard.press("n");

  // Esc leaves: every slide is back on the page.
  await page.keyboard.press("Escape");
  await expect(page.locator(".review-deck[data-presenting]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Present" })).toBeVisible();
  await expect(page.locator("section[data-slide]:visible")).toHaveCount(SLIDES);

  // Every table's CSV and the FOCUS export answer.
  const csv = await request.get(`/api/review/${month}/csv?table=squads`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(squadNames[0]!);
  const focus = await request.get(`/api/review/${month}/focus.csv`);
  expect(focus.status()).toBe(200);
  expect((await focus.text()).split("\r\n")[0]).toContain("BilledCost");

  // The PDF: progress shown, then the file, named with the month.
  const downloadStarted = page.waitForEvent("download", { timeout: 180_000 });
  await page.getByRole("button", { name: "Download PDF" }).click();
  await expect(page.getByRole("button", { name: "Preparing PDF…" })).toBeVisible();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toBe(`costlens-review-${month}.pdf`);
  await expect(page.getByText(`Saved costlens-review-${month}.pdf`)).toBeVisible();
  const folder = mkdtempSync(path.join(tmpdir(), "costlens-review-pdf-"));
  const pdf = path.join(folder, "review.pdf");
  await download.saveAs(pdf);

  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(SLIDES);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(formatUsdWhole(spend.bill));
  for (const name of squadNames) expect(text).toContain(name);

  execFileSync("pdftoppm", ["-r", "40", pdf, path.join(folder, "page")]);
  const pages = readdirSync(folder)
    .filter((file) => file.endsWith(".ppm"))
    .sort();
  expect(pages).toHaveLength(SLIDES);
  const stats = pages.map((file) => pageStats(path.join(folder, file)));
  for (const page of stats) expect(page.variance).toBeGreaterThan(50);
  // slide 2 (the daily bill) and slide 3 (spend by squad) carry charts drawn in the palette's first colour
  expect(stats[1]!.chartPixels).toBeGreaterThan(200);
  expect(stats[2]!.chartPixels).toBeGreaterThan(200);

  expect(errors).toEqual([]);
});

test("a month without data says so, and a malformed month is refused clearly", async ({ page }) => {
  await page.goto("/review/2001-01");
  await expect(page.getByRole("heading", { name: "No cost data for January 2001" })).toBeVisible();
  await expect(page.locator("section[data-slide]")).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);
  await page.goto("/review/2026-13");
  await expect(page.getByRole("heading", { name: "Not a month CostLens can review" })).toBeVisible();
  await expect(page.getByText("the month must be between 2000-01 and 2099-12.")).toBeVisible();
});
