output "instance_ids" {
  value = { for key, instance in aws_instance.this : key => instance.id }
}
