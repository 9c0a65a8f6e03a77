variable "name" {
  description = "Squad that owns the fleet (the `team` tag)."
  type        = string
}

variable "instances" {
  type = map(object({
    instance_type = string
    architecture  = string
    subnet_id     = string
  }))
}

variable "data_volumes" {
  description = "Data volumes keyed \"<instance>/<device>\"; braces in names like {a} are fine."
  type = map(object({
    instance_key      = string
    device_name       = string
    size              = number
    type              = string
    availability_zone = string
  }))
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
