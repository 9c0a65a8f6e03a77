// Headless Chromium for CostLens: playwright-core driving the system's browser (CHROMIUM_PATH), never a
// downloaded one. The PDF export and the page benchmarks start it the same way, with the same flags.
import { chromium, type Browser } from "playwright-core";
import { getConfig } from "../config/env";

/**
 * No sandbox (containers run without the user namespaces it needs), no GPU, and no traffic of the browser's
 * own (updates, first-run pages) so that a render only ever talks to the page it opened.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export interface LaunchChromiumOptions {
  /** defaults to CHROMIUM_PATH */
  executablePath?: string;
  /** how long the launch may take, in milliseconds (playwright's default when unset) */
  timeout?: number;
}

export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? getConfig().CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: options.timeout,
  });
}
