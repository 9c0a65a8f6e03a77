// The whole Terraform repository of an organisation, as files and states, built in one pass so that every
// state address has its block and every block its state.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Environment, Organisation } from "../org/model";
import { buildRoot } from "./build/build-root";
import { uuidOf } from "./hash";
import { renderFile } from "./hcl/render";
import { type TerraformStateV4, TERRAFORM_VERSION, stateKey } from "./state-types";

export interface RepoFile {
  path: string;
  content: string;
}

export interface TerraformRepository {
  files: RepoFile[];
  states: Array<{ key: string; state: TerraformStateV4 }>;
}

const MODULES_DIR = fileURLToPath(new URL("./module-sources/", import.meta.url));

function moduleFiles(): RepoFile[] {
  return readdirSync(MODULES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".tf"))
    .map((entry) => {
      const full = `${entry.parentPath}/${entry.name}`;
      return { path: `modules/${full.slice(MODULES_DIR.length)}`, content: readFileSync(full, "utf8") };
    });
}

/** The environment that gets a CRLF file: dev when there is one (a Windows laptop's edit). */
function crlfEnvironment(environments: Environment[]): Environment | undefined {
  return environments.includes("dev") ? "dev" : environments[0];
}

const README = `# acme-shop/infrastructure

Terraform for every AWS account of the shop. One root configuration per environment under \`envs/\`,
shared modules under \`modules/\`. State: \`s3://acme-terraform-state/envs/<environment>/terraform.tfstate\`.

Some resources predate this repository and were made in the console; they are not in Terraform.
`;

export function buildTerraformRepository(org: Organisation): TerraformRepository {
  const environments = [...new Set(org.accounts.map((a) => a.environment))].sort();
  const crlfEnv = crlfEnvironment(environments);
  const files: RepoFile[] = [{ path: "README.md", content: README }, ...moduleFiles()];
  const states: TerraformRepository["states"] = [];
  for (const environment of environments) {
    const root = buildRoot(org, environment, environment === crlfEnv);
    for (const [name, items] of root.files) {
      const text = renderFile(items);
      const content = root.crlfFiles.has(name) ? text.replace(/\n/g, "\r\n") : text;
      files.push({ path: `${root.dir}/${name}`, content });
    }
    const key = stateKey(environment);
    states.push({
      key,
      state: {
        version: 4,
        terraform_version: TERRAFORM_VERSION,
        serial: 1 + root.resources.length,
        lineage: uuidOf(`${org.seed}:${key}`),
        outputs: { environment: { value: environment, type: "string" } },
        resources: root.resources,
        check_results: null,
      },
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, states };
}
