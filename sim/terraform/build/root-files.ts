// The files every root configuration has: versions and the S3 backend, providers, variables, outputs.
import { attr, blank, block, comment, multi, type HclItem } from "../hcl/render";
import { objectLines, str } from "../hcl/syntax";
import { STATE_BUCKET, stateKey } from "../state-types";
import type { RootBuilder } from "./root-builder";

export function addRootFiles(root: RootBuilder): void {
  const first = root.providers[0];
  root.add(
    "versions.tf",
    block("terraform", [
      attr("required_version", str(">= 1.5.0")),
      blank,
      block("required_providers", [
        multi(
          "aws",
          objectLines([
            ["source", str("hashicorp/aws")],
            ["version", str("~> 4.67")],
          ]),
        ),
      ]),
      blank,
      comment("# State lives in the shared state bucket, one key per environment."),
      block('backend "s3"', [
        attr("bucket", str(STATE_BUCKET)),
        attr("key", str(stateKey(root.environment))),
        attr("region", str(first?.region ?? "us-east-1")),
        attr("dynamodb_table", str("acme-terraform-locks")),
        attr("encrypt", "true"),
      ]),
    ]),
  );
  for (const config of root.providers) {
    const items: HclItem[] = [
      ...(config.alias ? [attr("alias", str(config.alias))] : []),
      attr("region", str(config.region)),
      blank,
      block("assume_role", [attr("role_arn", str(`arn:aws:iam::${config.accountId}:role/terraform`))]),
    ];
    root.add("providers.tf", block('provider "aws"', items));
  }
  root.add(
    "variables.tf",
    block('variable "ami_ids"', [
      attr("type", "map(string)"),
      multi("description", [
        "<<-EOT",
        "  Golden images by architecture, rebuilt weekly by the image pipeline.",
        "  Keys are {x86_64, arm64}; a missing key fails the plan on purpose.",
        "EOT",
      ]),
      multi(
        "default",
        objectLines([
          ["arm64", str("ami-0a9f5c1e2b3d4f601")],
          ["x86_64", str("ami-0c55b159cbfafe1f0")],
        ]),
      ),
    ]),
    block('variable "environment"', [attr("type", "string"), attr("default", str(root.environment))]),
  );
  root.add("outputs.tf", block('output "environment"', [attr("value", "var.environment")]));
}
