# A PostgreSQL or MySQL primary with its read replicas, sized one by one.

resource "aws_db_instance" "primary" {
  identifier                  = var.identifier
  engine                      = var.engine
  engine_version              = var.engine_version
  instance_class              = var.instance_class
  allocated_storage           = var.allocated_storage
  multi_az                    = var.multi_az
  username                    = "acme_admin"
  manage_master_user_password = true
  backup_retention_period     = 14
  final_snapshot_identifier   = "${var.identifier}-final"

  tags = var.tags
}

resource "aws_db_instance" "replica" {
  for_each = var.replicas

  identifier          = each.key
  instance_class      = each.value.instance_class
  replicate_source_db = aws_db_instance.primary.identifier
  skip_final_snapshot = true

  tags = var.tags
}
