// The EC2 instance types the organisation uses, with the shape DescribeInstanceTypes and OpenCost need.

export interface InstanceTypeSpec {
  vcpus: number;
  memoryGiB: number;
  architecture: "x86_64" | "arm64";
  usdPerHour: string; // Linux on-demand, us-east-1 and us-west-2 (equal for these types)
}

export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeSpec>> = {
  "t3.medium": { vcpus: 2, memoryGiB: 4, architecture: "x86_64", usdPerHour: "0.0416" },
  "t3.large": { vcpus: 2, memoryGiB: 8, architecture: "x86_64", usdPerHour: "0.0832" },
  "t3.xlarge": { vcpus: 4, memoryGiB: 16, architecture: "x86_64", usdPerHour: "0.1664" },
  "m5.large": { vcpus: 2, memoryGiB: 8, architecture: "x86_64", usdPerHour: "0.096" },
  "m5.xlarge": { vcpus: 4, memoryGiB: 16, architecture: "x86_64", usdPerHour: "0.192" },
  "m5.2xlarge": { vcpus: 8, memoryGiB: 32, architecture: "x86_64", usdPerHour: "0.384" },
  "m5.4xlarge": { vcpus: 16, memoryGiB: 64, architecture: "x86_64", usdPerHour: "0.768" },
  "c5.large": { vcpus: 2, memoryGiB: 4, architecture: "x86_64", usdPerHour: "0.085" },
  "c5.xlarge": { vcpus: 4, memoryGiB: 8, architecture: "x86_64", usdPerHour: "0.17" },
  "c5.2xlarge": { vcpus: 8, memoryGiB: 16, architecture: "x86_64", usdPerHour: "0.34" },
  "c5.4xlarge": { vcpus: 16, memoryGiB: 32, architecture: "x86_64", usdPerHour: "0.68" },
  "r5.large": { vcpus: 2, memoryGiB: 16, architecture: "x86_64", usdPerHour: "0.126" },
  "r5.xlarge": { vcpus: 4, memoryGiB: 32, architecture: "x86_64", usdPerHour: "0.252" },
  "r5.2xlarge": { vcpus: 8, memoryGiB: 64, architecture: "x86_64", usdPerHour: "0.504" },
  "m6a.xlarge": { vcpus: 4, memoryGiB: 16, architecture: "x86_64", usdPerHour: "0.1728" },
  "m6g.large": { vcpus: 2, memoryGiB: 8, architecture: "arm64", usdPerHour: "0.077" },
  "m6g.xlarge": { vcpus: 4, memoryGiB: 16, architecture: "arm64", usdPerHour: "0.154" },
  "m6g.2xlarge": { vcpus: 8, memoryGiB: 32, architecture: "arm64", usdPerHour: "0.308" },
  "c6g.large": { vcpus: 2, memoryGiB: 4, architecture: "arm64", usdPerHour: "0.068" },
  "c6g.xlarge": { vcpus: 4, memoryGiB: 8, architecture: "arm64", usdPerHour: "0.136" },
  "c6g.2xlarge": { vcpus: 8, memoryGiB: 16, architecture: "arm64", usdPerHour: "0.272" },
  "r6g.xlarge": { vcpus: 4, memoryGiB: 32, architecture: "arm64", usdPerHour: "0.2016" },
};

export function instanceTypeSpec(instanceType: string): InstanceTypeSpec {
  const spec = INSTANCE_TYPES[instanceType];
  if (!spec) throw new Error(`unknown instance type ${instanceType}`);
  return spec;
}
