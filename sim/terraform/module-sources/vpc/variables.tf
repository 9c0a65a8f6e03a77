variable "name" {
  type = string
}

variable "cidr_block" {
  type = string
}

variable "subnets" {
  type = map(object({
    cidr_block        = string
    availability_zone = string
    public            = bool
  }))
}

variable "nat_gateways" {
  description = "NAT gateways by key: { subnet_key, allocation_id }."
  type = map(object({
    subnet_key    = string
    allocation_id = string
  }))
  default = {}
}

variable "route_tables" {
  type = map(object({
    nat_gateway_key = string
    nat_gateway_id  = string
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}
