// npm run sim -- [--port 4510] [--seed 42] [--scale 1] [--months 13] [--today YYYY-MM-DD] [--repo-dir DIR] [--verbose]
// Starts the sandbox cloud and prints the environment that points CostLens at it, one `export` a line,
// so `eval "$(npm run -s sim)"`-style use and copy-paste both work. Quiet unless --verbose.
import { parseArgs } from "node:util";
import { isDay } from "./org/days";
import { startSandbox, type SandboxOptions } from "./server/start-sandbox";

const USAGE =
  "usage: npm run sim -- [--port 4510] [--seed 42] [--scale 1] [--months 13] [--today YYYY-MM-DD] [--repo-dir DIR] [--verbose]";

function fail(message: string): never {
  console.error(`sim: ${message}\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max)
    fail(`--${name} must be an integer ${min}..${max}, got "${text}"`);
  return value;
}

function parseOptions(argv: string[]): SandboxOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        seed: { type: "string" },
        scale: { type: "string" },
        months: { type: "string" },
        today: { type: "string" },
        "repo-dir": { type: "string" },
        verbose: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.today !== undefined && !isDay(values.today))
    fail(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  return {
    port: integer("port", values.port, 0, 65535) ?? 4510,
    seed: integer("seed", values.seed, 0, 2 ** 31 - 1),
    scale: integer("scale", values.scale, 1, 100),
    months: integer("months", values.months, 1, 36),
    ...(values.today ? { today: values.today } : {}),
    ...(values["repo-dir"] ? { repoDir: values["repo-dir"] } : {}),
    verbose: values.verbose ?? false,
  };
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const sandbox = await startSandbox(options);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("sim: shutdown failed", error);
        process.exit(1);
      },
    );
  };
  // Handlers first: whoever reads the environment may signal us the moment the last line arrives.
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  for (const [key, value] of Object.entries(sandbox.env)) console.log(`export ${key}=${shellQuote(value)}`);
}

main().catch((error: unknown) => {
  console.error("sim: failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
