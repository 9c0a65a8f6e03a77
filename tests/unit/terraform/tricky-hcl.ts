// HCL that trips naive scanners: braces inside strings, comments and heredocs, nested interpolations,
// dynamic blocks, a `<<-` heredoc whose body looks like code, and comments of all three kinds.
export const TRICKY_HCL = `# Compute for the checkout squad.
// Owned by platform.

/* A block comment with a brace { that never closes
   and a fake block: resource "aws_instance" "ghost" { } */

locals {
  greeting = "hello \${var.name} {not a block}"
  nested   = "x-\${jsonencode({ a = "}", b = [1, 2] })}"
  escaped  = "quote \\" and brace } and $\${literal}"
}

# The legacy worker: to be retired.
# Second comment line attached to it.
resource "aws_instance" "legacy_worker" {
  ami           = var.ami_ids["x86_64"]
  instance_type = "m5.xlarge" # trailing comment with }

  user_data = <<-EOT
    #!/bin/bash
    echo "}" > /tmp/brace
    cat <<'JSON'
    { "resource": "aws_instance" }
    JSON
  EOT

  dynamic "ebs_block_device" {
    for_each = var.devices
    content {
      device_name = ebs_block_device.value.name
      volume_size = ebs_block_device.value.size
    }
  }

  tags = {
    Name = "legacy-worker"
    Note = "}{"
  }
}

resource "aws_instance" "api" {
  ami           = var.ami_ids["arm64"]
  instance_type = var.api_instance_type

  policy = <<EOF
{ "Statement": [ { "Effect": "Allow" } ] }
EOF
}

resource "aws_instance" "fleet" {
  count = 3

  ami           = var.ami_ids["x86_64"]
  instance_type = "t3.small"
}

module "network" {
  source = "../../modules/vpc"

  name = "shop"
}
`;
