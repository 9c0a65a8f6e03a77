// No secret reaches the built output. scripts/e2e.ts builds with a canary value in every secret variable
// (lib/config/env.ts SECRET_VARIABLES) and passes the same canaries here as E2E_SECRET_CANARIES (JSON,
// variable -> value); this spec scans every file of the Next build for each canary, as text, base64 and
// URL-encoded. Without the canaries it fails instead of passing on a scan that could find nothing.
import { expect, test } from "@playwright/test";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { SECRET_VARIABLES } from "@/lib/config/env";

const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");

const canariesSchema = z.record(z.string(), z.string().includes("costlens-canary"));

function readCanaries(): Record<string, string> {
  const raw = process.env.E2E_SECRET_CANARIES;
  if (!raw) {
    throw new Error(
      "E2E_SECRET_CANARIES is not set: scripts/e2e.ts must build with a canary in every secret variable and pass them here",
    );
  }
  return canariesSchema.parse(JSON.parse(raw));
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The forms a value may take in a bundle: as typed, base64 (a data URL, a cookie) and URL-encoded. */
function formsOf(value: string): Buffer[] {
  return [value, Buffer.from(value).toString("base64"), encodeURIComponent(value)].map((form) => Buffer.from(form));
}

test("the build ran with a canary in every secret variable", () => {
  const canaries = readCanaries();
  const missing = [...SECRET_VARIABLES].filter((variable) => !canaries[variable]);
  expect(missing, "secret variables built without a canary").toEqual([]);
  expect(existsSync(path.join(distDir, "BUILD_ID")), `no Next build in ${distDir}`).toBe(true);
});

test("no secret variable's value appears in any file of the build output", async () => {
  const canaries = readCanaries();
  const files = await filesUnder(distDir);
  expect(files.length).toBeGreaterThan(0);
  expect(
    files.some((file) => file.includes(`${path.sep}static${path.sep}`)),
    "no client bundle found",
  ).toBe(true);
  const leaks: string[] = [];
  for (const file of files) {
    const content = await readFile(file);
    for (const [variable, value] of Object.entries(canaries)) {
      if (formsOf(value).some((form) => content.includes(form))) {
        leaks.push(`${variable} in ${path.relative(distDir, file)}`);
      }
    }
  }
  expect(leaks, "secret values found in the build output").toEqual([]);
});
