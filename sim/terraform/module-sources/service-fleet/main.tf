/*
 * A squad's long-lived service instances with their data volumes.
 * Called from every environment, once per squad: change it for one caller and you change it for all.
 */

locals {
  // Images are pinned per architecture so that Graviton fleets get arm64 builds.
  amis = {
    arm64  = "ami-0a9f5c1e2b3d4f601"
    x86_64 = "ami-0c55b159cbfafe1f0"
  }
}

resource "aws_instance" "this" {
  for_each = var.instances

  ami           = local.amis[each.value.architecture]
  instance_type = each.value.instance_type
  subnet_id     = each.value.subnet_id

  metadata_options {
    http_tokens = "required"
  }

  user_data = <<-EOT
    #!/bin/bash
    echo '{"service": "${var.name}", "node": "${each.key}"}' > /etc/acme/node.json
    systemctl enable --now acme-agent
  EOT

  tags = merge(var.tags, { Name = each.key })
}

resource "aws_ebs_volume" "data" {
  for_each = var.data_volumes

  availability_zone = each.value.availability_zone
  size              = each.value.size
  type              = each.value.type
  encrypted         = true

  tags = merge(var.tags, { Name = "${each.value.instance_key}-data" })
}

resource "aws_volume_attachment" "data" {
  for_each = var.data_volumes

  device_name = each.value.device_name
  volume_id   = aws_ebs_volume.data[each.key].id
  instance_id = aws_instance.this[each.value.instance_key].id
}
