output "vpc_id" {
  value = aws_vpc.this.id
}

output "subnet_ids" {
  value = { for key, subnet in aws_subnet.this : key => subnet.id }
}

output "private_subnet_ids" {
  value = { for key, subnet in aws_subnet.this : key => subnet.id if !var.subnets[key].public }
}

output "route_table_ids" {
  value = { for key, table in aws_route_table.this : key => table.id }
}
