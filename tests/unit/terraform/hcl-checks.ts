// Checks the edit tests share: the real `terraform fmt -check` when the binary is installed, and a real
// HCL parser (@cdktf/hcl2json) to compare files before and after an edit.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parse } from "@cdktf/hcl2json";

const TERRAFORM = "/usr/local/bin/terraform";
export const hasTerraform = existsSync(TERRAFORM);
if (!hasTerraform) console.warn(`${TERRAFORM} is not installed: the terraform fmt -check assertions are skipped`);

/** True when `terraform fmt` would leave the text as it is (always true without the binary, which is logged). */
export function isTerraformFormatted(text: string): boolean {
  if (!hasTerraform) return true;
  const result = spawnSync(TERRAFORM, ["fmt", "-check", "-"], {
    input: text,
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
  });
  return result.status === 0;
}

export type HclJson = Record<string, Record<string, Record<string, unknown>>>;

export async function parseHcl(text: string, name = "file.tf"): Promise<HclJson> {
  return (await parse(name, text)) as HclJson;
}

/** The parsed file with one resource left out: what an edit that only touched that block leaves alone. */
export function withoutResource(json: HclJson, type: string, name: string): HclJson {
  const copy = structuredClone(json);
  const ofType = copy.resource?.[type];
  if (ofType) {
    delete ofType[name];
    if (Object.keys(ofType).length === 0) delete copy.resource![type];
    if (Object.keys(copy.resource!).length === 0) delete copy.resource;
  }
  return copy;
}
