// The review as a PDF: headless Chromium (playwright-core, the system's browser, never a downloaded one)
// opens the app's own review page in print media, waits until every chart has drawn, and prints it, one
// slide a page. One browser at a time in this process (a queue), each job bounded in time.
import { access, constants } from "node:fs/promises";
import { launchChromium } from "../browser/chromium";
import { getConfig } from "../config/env";

export const PDF_TIMEOUT_MS = 90_000;
const MAX_WAITING = 4;

export class PdfExportError extends Error {
  constructor(
    readonly status: 503 | 504,
    message: string,
  ) {
    super(message);
    this.name = "PdfExportError";
  }
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Runs `work` after every job queued before it; refuses when too many are already waiting. */
async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING) {
    throw new PdfExportError(503, "Too many PDF exports are in progress; try again in a minute.");
  }
  waiting += 1;
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  try {
    return await turn;
  } finally {
    waiting -= 1;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfExportError(504, `The PDF was not ready within ${ms / 1000} seconds.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface RenderPdfInput {
  /** the review page to print, absolute (the app's own origin) */
  url: string;
  /** the request's Cookie header, forwarded so the page renders when sign-in is on */
  cookie: string | null;
  timeoutMs?: number;
}

export async function renderReviewPdf(input: RenderPdfInput): Promise<Uint8Array> {
  const executablePath = getConfig().CHROMIUM_PATH;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new PdfExportError(
      503,
      `PDF export needs Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const timeoutMs = input.timeoutMs ?? PDF_TIMEOUT_MS;
  return oneAtATime(() => withTimeout(print(executablePath, input, timeoutMs), timeoutMs));
}

async function print(executablePath: string, input: RenderPdfInput, timeoutMs: number): Promise<Uint8Array> {
  const browser = await launchChromium({ executablePath, timeout: timeoutMs });
  try {
    const context = await browser.newContext({
      // A landscape A4 page at 96 dpi: charts lay out at the width they are printed at.
      viewport: { width: 1123, height: 794 },
      extraHTTPHeaders: input.cookie ? { cookie: input.cookie } : {},
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.emulateMedia({ media: "print" });
    const response = await page.goto(input.url, { waitUntil: "load" });
    if (!response || !response.ok()) {
      throw new Error(`the review page answered ${response?.status() ?? "nothing"}`);
    }
    await page.waitForSelector("[data-review-ready]");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[data-review-chart]")].every((chart) =>
        chart.querySelector("svg.recharts-surface"),
      ),
    );
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ landscape: true, printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
