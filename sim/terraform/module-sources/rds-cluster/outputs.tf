output "primary_endpoint" {
  value = aws_db_instance.primary.endpoint
}

output "replica_identifiers" {
  value = [for replica in aws_db_instance.replica : replica.identifier]
}
