// npx tsx scripts/audit-production-deps.ts: asks the registry's advisory database about
// the production dependencies (`npm audit --omit=dev --json`), prints a summary, and exits
//   0 when no high or critical advisory affects them,
//   1 when one does (each is listed with its advisory and whether a fix exists),
//   2 when no audit could be made (registry unreachable, or it does not serve advisories).
// Dev dependencies never ship in the server or the browser bundle, so they do not fail the check.
import { spawn } from "node:child_process";
import { z } from "zod";

const severitySchema = z.enum(["info", "low", "moderate", "high", "critical"]);
type Severity = z.infer<typeof severitySchema>;
const FAILING: Severity[] = ["high", "critical"];

const advisorySchema = z.object({
  source: z.number(),
  name: z.string(),
  title: z.string(),
  url: z.string(),
  severity: severitySchema,
  range: z.string(),
});

const vulnerabilitySchema = z.object({
  name: z.string(),
  severity: severitySchema,
  isDirect: z.boolean(),
  // A package is vulnerable through its own advisories (objects) or through a dependency (its name).
  via: z.array(z.union([z.string(), advisorySchema])),
  range: z.string(),
  fixAvailable: z.union([z.boolean(), z.object({ name: z.string(), version: z.string(), isSemVerMajor: z.boolean() })]),
});

const reportSchema = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(z.string(), vulnerabilitySchema),
  metadata: z.object({
    vulnerabilities: z.object(Object.fromEntries(severitySchema.options.map((severity) => [severity, z.number()]))),
    dependencies: z.object({ prod: z.number(), total: z.number() }),
  }),
});

/** What npm prints as JSON when the audit itself failed. */
const failureSchema = z.object({
  message: z.string().optional(),
  error: z.object({ code: z.string().nullish(), summary: z.string(), detail: z.string() }),
});

type AuditReport = z.infer<typeof reportSchema>;

function runAudit(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }),
    );
  });
}

function cannotAudit(reason: string): never {
  console.error(`audit: could not check the production dependencies: ${reason}`);
  console.error("audit: nothing was checked; retry when the registry's advisory endpoint answers.");
  process.exit(2);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeFix(fix: AuditReport["vulnerabilities"][string]["fixAvailable"]): string {
  if (fix === true) return "fix: npm audit fix";
  if (fix === false) return "no fix published";
  return `fix: ${fix.name}@${fix.version}${fix.isSemVerMajor ? " (semver-major)" : ""}`;
}

function printSummary(report: AuditReport) {
  const counts: Record<string, number> = report.metadata.vulnerabilities;
  const bySeverity = severitySchema.options.map((severity) => `${counts[severity] ?? 0} ${severity}`).join(", ");
  console.log(`audit: ${report.metadata.dependencies.prod} production dependencies; advisories: ${bySeverity}`);
  const vulnerabilities = Object.values(report.vulnerabilities).sort(
    (a, b) => severitySchema.options.indexOf(b.severity) - severitySchema.options.indexOf(a.severity),
  );
  for (const vulnerability of vulnerabilities) {
    const advisories = vulnerability.via.filter((via) => typeof via !== "string");
    const through = vulnerability.via.filter((via) => typeof via === "string");
    console.log(
      `  ${vulnerability.severity.padEnd(8)} ${vulnerability.name} ${vulnerability.range}` +
        `${vulnerability.isDirect ? " (direct)" : ""}; ${describeFix(vulnerability.fixAvailable)}`,
    );
    for (const advisory of advisories) console.log(`           ${advisory.title} ${advisory.url}`);
    if (through.length) console.log(`           through ${through.join(", ")}`);
  }
}

async function main() {
  const { stdout, stderr } = await runAudit();
  const json = parseJson(stdout);
  const failure = failureSchema.safeParse(json);
  if (failure.success) {
    const { message, error } = failure.data;
    cannotAudit([message, error.code, error.summary].filter(Boolean).join(": ") || "npm audit failed");
  }
  const report = reportSchema.safeParse(json);
  if (!report.success) {
    const firstLine = stderr.split("\n").find((line) => line.trim()) ?? "npm audit printed no report";
    cannotAudit(json === undefined ? firstLine : `unexpected npm audit output (${report.error.issues[0]?.message})`);
  }
  printSummary(report.data);
  const failing = Object.values(report.data.vulnerabilities).filter((v) => FAILING.includes(v.severity));
  if (failing.length) {
    console.error(
      `audit: FAILED: ${failing.length} production ${failing.length === 1 ? "dependency has" : "dependencies have"} ` +
        `a high or critical advisory: ${failing.map((v) => v.name).join(", ")}`,
    );
    process.exit(1);
  }
  console.log("audit: no high or critical advisory in production dependencies");
}

await main();
