// DescribeInstanceTypes for the sandbox's type catalogue (every type it prices, including the smaller
// and Graviton sizes a rightsizing recommendation may pick).
import { INSTANCE_TYPES, type InstanceTypeSpec } from "../../../org/instance-types";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";

interface TypeInfo {
  name: string;
  spec: InstanceTypeSpec;
}

const collection: Ec2Collection<TypeInfo> = {
  idParameter: "InstanceType",
  id: (t) => t.name,
  notFound: (ids) =>
    new SimError("InvalidInstanceType", `The following supplied instance types do not exist: [${ids.join(", ")}]`),
  fields: {
    "instance-type": (t) => t.name,
    "processor-info.supported-architecture": (t) => t.spec.architecture,
    "vcpu-info.default-vcpus": (t) => String(t.spec.vcpus),
    "memory-info.size-in-mib": (t) => String(t.spec.memoryGiB * 1024),
    "current-generation": () => "true",
  },
  tags: () => ({}),
  defaultPageSize: 10,
  maxPageSize: 100,
};

export function describeInstanceTypes(params: QueryParams): SimResponse {
  const types = Object.entries(INSTANCE_TYPES).map(([name, spec]) => ({ name, spec }));
  const page = describeCollection(params, types, collection);
  return ec2Response("DescribeInstanceTypes", {
    instanceTypeSet: xmlList(
      "item",
      page.items.map(({ name, spec }) => ({
        instanceType: name,
        currentGeneration: true,
        freeTierEligible: false,
        supportedUsageClasses: xmlList("item", ["on-demand", "spot"]),
        supportedRootDeviceTypes: xmlList("item", ["ebs"]),
        bareMetal: false,
        hypervisor: "nitro",
        processorInfo: {
          supportedArchitectures: xmlList("item", [spec.architecture]),
          manufacturer: spec.architecture === "arm64" ? "AWS" : "Intel",
        },
        vCpuInfo: {
          defaultVCpus: spec.vcpus,
          defaultCores: spec.architecture === "arm64" ? spec.vcpus : spec.vcpus / 2,
        },
        memoryInfo: { sizeInMiB: spec.memoryGiB * 1024 },
        instanceStorageSupported: false,
        burstablePerformanceSupported: name.startsWith("t"),
      })),
    ),
    nextToken: page.nextToken,
  });
}
