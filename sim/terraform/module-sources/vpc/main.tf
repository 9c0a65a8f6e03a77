# A VPC with its subnets, NAT gateways and route tables. Every environment calls this once per VPC.

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "this" {
  for_each = var.subnets

  vpc_id                  = aws_vpc.this.id
  cidr_block              = each.value.cidr_block
  availability_zone       = each.value.availability_zone
  map_public_ip_on_launch = each.value.public

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_nat_gateway" "this" {
  for_each = var.nat_gateways

  allocation_id = each.value.allocation_id
  subnet_id     = aws_subnet.this[each.value.subnet_key].id

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_route_table" "this" {
  for_each = var.route_tables

  vpc_id = aws_vpc.this.id

  # Private tables send everything else through a NAT gateway: ours when the key names one, else one
  # that was made in the console before this module existed.
  dynamic "route" {
    for_each = each.value.nat_gateway_key != null || each.value.nat_gateway_id != null ? [1] : []
    content {
      cidr_block     = "0.0.0.0/0"
      nat_gateway_id = each.value.nat_gateway_key != null ? aws_nat_gateway.this[each.value.nat_gateway_key].id : each.value.nat_gateway_id
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}
