// Finds the API modules: every top-level .ts file under sim/apis/aws (AwsApi) and sim/apis/http (PathApi)
// default-exports one. Helper files live in sub-folders and are not listed.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AwsApi, PathApi } from "./types";

export interface ApiModules {
  aws: AwsApi[];
  http: PathApi[];
}

function isAwsApi(value: unknown): value is AwsApi {
  const api = value as Partial<AwsApi> | null;
  return (
    typeof api?.signingName === "string" &&
    typeof api.operation === "function" &&
    typeof api.handle === "function" &&
    typeof api.renderError === "function"
  );
}

function isPathApi(value: unknown): value is PathApi {
  const api = value as Partial<PathApi> | null;
  return (
    typeof api?.prefix === "string" &&
    typeof api.operation === "function" &&
    typeof api.handle === "function" &&
    typeof api.renderError === "function"
  );
}

async function moduleFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.endsWith(".test.ts"))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

async function defaultExport(file: string): Promise<unknown> {
  const imported = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return imported.default;
}

export async function discoverApis(apisDir: string): Promise<ApiModules> {
  const aws: AwsApi[] = [];
  const http: PathApi[] = [];
  for (const file of await moduleFiles(join(apisDir, "aws"))) {
    const api = await defaultExport(file);
    if (!isAwsApi(api)) throw new Error(`${file} does not default-export an AwsApi`);
    aws.push(api);
  }
  for (const file of await moduleFiles(join(apisDir, "http"))) {
    const api = await defaultExport(file);
    if (!isPathApi(api)) throw new Error(`${file} does not default-export a PathApi`);
    http.push(api);
  }
  // Longest prefix first, so "/github/graphql" could be mounted beside "/github".
  http.sort((a, b) => b.prefix.length - a.prefix.length);
  return { aws, http };
}
