// The one place that reads process.env. Everything else asks getConfig(), which validates the whole
// environment once and fails with a message naming each bad variable and what it expects, so a typo in a
// deployment shows up at start, not as a mysterious failure an hour later.
import { z } from "zod";

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .url({ message: `expected ${what} as an absolute URL, e.g. http://127.0.0.1:4510` })
    .optional();

const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** "a, b,,c" -> ["a", "b", "c"]; unset -> []. */
const commaList = z
  .string()
  .trim()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "expected a TCP port number" })
    .int("expected a whole number")
    .min(1, "expected a port between 1 and 65535")
    .max(65535, "expected a port between 1 and 65535")
    .default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// connection URL")
    .optional(),
  COSTLENS_DATA_DIR: z.string().trim().min(1).default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  AWS_REGION: z
    .string()
    .trim()
    .regex(AWS_REGION_PATTERN, "expected an AWS region such as us-east-1")
    .default("us-east-1"),
  AWS_ENDPOINT_URL: optionalUrl("the AWS endpoint"),
  // Regions whose inventory is listed; empty: AWS_REGION alone. Cost Explorer covers every region anyway.
  AWS_REGIONS: commaList.pipe(
    z.array(z.string().regex(AWS_REGION_PATTERN, "expected AWS regions such as us-east-1,eu-west-1")),
  ),
  OPENCOST_URL: optionalUrl("the OpenCost API base URL"),
  OPENCOST_CLUSTERS: commaList,

  GITHUB_API_URL: optionalUrl("the GitHub REST API base URL (GitHub Enterprise: https://HOST/api/v3)").default(
    "https://api.github.com",
  ),
  GITHUB_TOKEN: z.string().trim().min(1).optional(),
  TERRAFORM_REPO: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name, e.g. acme-shop/infrastructure")
    .optional(),
  JOB_SCHEDULES: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      const schedules: Record<string, string> = {};
      for (const entry of (value ?? "")
        .split(";")
        .map((part) => part.trim())
        .filter(Boolean)) {
        const match = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(entry);
        if (!match) {
          context.addIssue({ code: "custom", message: `expected "job=cron;job=cron", could not read "${entry}"` });
          return z.NEVER;
        }
        schedules[match[1]!] = match[2]!.trim();
      }
      return schedules;
    }),
  WORKER_POLL_SECONDS: z.coerce.number().int().min(5, "expected at least 5 seconds").max(3600).default(30),
  TERRAFORM_STATE_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "expected an S3 bucket name")
    .optional(),
  // Without a state bucket, state files are read from this directory (same layout: envs/<env>/terraform.tfstate).
  TERRAFORM_STATE_DIR: z.string().trim().min(1).optional(),
  // A local clone of TERRAFORM_REPO: read instead of the GitHub API when set (pull requests still go to GitHub).
  TERRAFORM_REPO_DIR: z.string().trim().min(1).optional(),
  // GitHub App credentials, an alternative to GITHUB_TOKEN.
  GITHUB_APP_ID: z.string().trim().regex(/^\d+$/, "expected the numeric GitHub App id").optional(),
  GITHUB_APP_INSTALLATION_ID: z.string().trim().regex(/^\d+$/, "expected the numeric installation id").optional(),
  GITHUB_APP_PRIVATE_KEY: z.string().trim().min(1).optional(),
  // Verifies X-Hub-Signature-256 on POST /api/github/webhook; the endpoint refuses every delivery when unset.
  GITHUB_WEBHOOK_SECRET: z.string().trim().min(16, "expected at least 16 characters").optional(),

  // The browser the PDF export drives (Debian: apt-get install chromium).
  CHROMIUM_PATH: z.string().trim().min(1).default("/usr/bin/chromium"),

  // Sign-in: auth is on whenever OIDC_ISSUER is set.
  OIDC_ISSUER: optionalUrl("the OpenID Connect issuer"),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  // "group=role;group=role" with roles viewer, squad-lead, engineer, admin
  OIDC_ROLE_GROUPS: z.string().trim().optional(),
  // Signs and encrypts the session cookie: at least 32 characters of randomness.
  SESSION_SECRET: z.string().trim().min(32, "expected at least 32 characters").optional(),
  // The public origin of the app (https://costlens.example.com): redirect URIs and the Origin check use it.
  APP_URL: optionalUrl("the app's public origin"),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** The configuration, with AWS_REGIONS defaulting to AWS_REGION. */
export type Config = Omit<ParsedEnv, "AWS_REGIONS"> & { AWS_REGIONS: string[] };

/** Variables whose values may carry credentials: an error names them but never repeats their value. */
export const SECRET_VARIABLES = new Set([
  "DATABASE_URL",
  "GITHUB_TOKEN",
  "GITHUB_APP_PRIVATE_KEY",
  "GITHUB_WEBHOOK_SECRET",
  "OIDC_CLIENT_SECRET",
  "SESSION_SECRET",
]);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates an environment; every problem is listed, each naming its variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, emptyToUndefined(value)]));
  const result = envSchema.safeParse(cleaned);
  if (result.success) {
    const regions = result.data.AWS_REGIONS.length ? result.data.AWS_REGIONS : [result.data.AWS_REGION];
    return { ...result.data, AWS_REGIONS: regions };
  }
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = issue.path.join(".");
      const got = cleaned[variable];
      const shown = typeof got === "string" && !SECRET_VARIABLES.has(variable) ? ` (got "${got.slice(0, 80)}")` : "";
      return `${variable}: ${issue.message}${shown}`;
    }),
  );
}

let cached: Config | undefined;

/** The validated configuration of this process, read from the environment on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
