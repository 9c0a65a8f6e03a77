variable "identifier" {
  type = string
}

variable "engine" {
  type = string
}

variable "engine_version" {
  type = string
}

variable "instance_class" {
  type = string
}

variable "allocated_storage" {
  type = number
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "replicas" {
  type = map(object({
    instance_class = string
  }))
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
