// A small Terraform repository held in memory, with its states: the fixture for planFix and the index
// without git or S3. Two root modules (envs/prod, envs/dev), a module called twice and one called once.
import type { TerraformRepositorySource } from "@/lib/terraform/repository/repository-source";
import type { StateFile, TerraformState } from "@/lib/terraform/state/state-schema";

export const BASE_SHA = "0123456789abcdef0123456789abcdef01234567";

export function memoryRepository(files: Record<string, string>): TerraformRepositorySource {
  return {
    headCommit: async () => ({ branch: "main", sha: BASE_SHA }),
    listFiles: async () => Object.keys(files).sort(),
    readFile: async (_sha, path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
  };
}

export const FILES: Record<string, string> = {
  "envs/prod/compute.tf": `# Retired in March, still running.
resource "aws_instance" "legacy_worker" {
  ami           = var.ami_ids["x86_64"]
  instance_type = "m5.xlarge"

  tags = {
    Name = "legacy-worker"
  }
}

resource "aws_instance" "batch" {
  ami           = var.ami_ids["x86_64"]
  instance_type = "c5.2xlarge"
}

resource "aws_instance" "api" {
  ami           = var.ami_ids["x86_64"]
  instance_type = var.api_instance_type
}

resource "aws_instance" "fleet" {
  count = 2

  ami           = var.ami_ids["x86_64"]
  instance_type = "t3.small"
}
`,
  "envs/prod/databases.tf": `resource "aws_db_instance" "orders" {
  identifier     = "orders-db"
  engine         = "postgres"
  instance_class = "db.r5.xlarge"
}

resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-db-replica"
  instance_class      = "db.r5.large"
  replicate_source_db = aws_db_instance.orders.identifier
}
`,
  "envs/prod/network.tf": `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  for_each = { a = "10.0.1.0/24", b = "10.0.2.0/24" }

  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc" "west" {
  provider = aws.west

  cidr_block = "10.1.0.0/16"
}

resource "aws_autoscaling_group" "web" {
  name     = "web"
  min_size = 2
  max_size = 4
}
`,
  "envs/prod/variables.tf": `variable "api_instance_type" {
  type    = string
  default = "m5.large"
}
`,
  "envs/prod/services.tf": `module "svc" {
  source = "../../modules/svc"
}
`,
  "envs/dev/main.tf": `module "svc" {
  source = "../../modules/svc"
}

module "solo" {
  source = "../../modules/solo"
}
`,
  "modules/svc/main.tf": `resource "aws_instance" "this" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "m5.large"
}
`,
  "modules/solo/main.tf": `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
}
`,
};

type Resource = TerraformState["resources"][number];

const resource = (
  type: string,
  name: string,
  instances: Array<Record<string, unknown> & { index_key?: string | number }>,
  module?: string,
  alias?: string,
): Resource => ({
  ...(module ? { module } : {}),
  mode: "managed",
  type,
  name,
  provider: `provider["registry.terraform.io/hashicorp/aws"]${alias ? `.${alias}` : ""}`,
  instances: instances.map(({ index_key, ...attributes }) => ({
    ...(index_key === undefined ? {} : { index_key }),
    attributes,
  })),
});

const state = (resources: Resource[]): TerraformState => ({ version: 4, serial: 1, lineage: "l", resources });

export const STATES: StateFile[] = [
  {
    key: "envs/prod/terraform.tfstate",
    rootModule: "envs/prod",
    version: "v1",
    state: state([
      resource("aws_instance", "legacy_worker", [{ id: "i-0legacy" }]),
      resource("aws_instance", "batch", [{ id: "i-0batch" }]),
      resource("aws_instance", "api", [{ id: "i-0api" }]),
      resource("aws_instance", "fleet", [
        { id: "i-0fleet0", index_key: 0 },
        { id: "i-0fleet1", index_key: 1 },
      ]),
      resource("aws_db_instance", "orders", [{ id: "db-ORDERS", identifier: "orders-db" }]),
      resource("aws_db_instance", "orders_replica", [{ id: "db-REPLICA", identifier: "orders-db-replica" }]),
      resource("aws_vpc", "main", [{ id: "vpc-0main" }]),
      resource("aws_subnet", "private", [
        { id: "subnet-0a", index_key: "a", vpc_id: "vpc-0main" },
        { id: "subnet-0b", index_key: "b", vpc_id: "vpc-0main" },
      ]),
      resource("aws_route_table", "private", [{ id: "rtb-0private", vpc_id: "vpc-0main" }]),
      resource("aws_autoscaling_group", "web", [{ id: "web", name: "web" }]),
      resource("aws_vpc", "west", [{ id: "vpc-0west" }], undefined, "west"),
      resource("aws_instance", "this", [{ id: "i-0svcprod" }], "module.svc"),
    ]),
  },
  {
    key: "envs/dev/terraform.tfstate",
    rootModule: "envs/dev",
    version: "v1",
    state: state([
      resource("aws_instance", "this", [{ id: "i-0svcdev" }], "module.svc"),
      resource("aws_ebs_volume", "data", [{ id: "vol-0data" }], "module.solo"),
      resource("aws_ebs_volume", "scratch", [{ id: "vol-0scratch" }], "module.solo"),
    ]),
  },
];
