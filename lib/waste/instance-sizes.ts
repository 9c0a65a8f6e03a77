// EC2 instance sizes from their names: the family ("m5"), the size ("2xlarge") and its vCPUs, which follow
// AWS's naming (large = 2 vCPUs, xlarge = 4, Nxlarge = 4N), and the Graviton family of an x86 one.
// Rightsizing compares sizes within a family, so only the ratio of vCPUs matters.

const SIZE_VCPUS: Record<string, number> = { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4 };
/** Burstable and general-purpose medium sizes differ between families; only these are known for sure. */
const MEDIUM_ONE_VCPU = /^(m6g|m7g|c6g|c7g|r6g|r7g|a1)$/;

export interface InstanceSize {
  family: string;
  size: string;
  vcpus: number;
}

export function parseInstanceType(instanceType: string): InstanceSize | undefined {
  const match = /^([a-z][a-z0-9-]*)\.(\d*)(nano|micro|small|medium|large|xlarge|metal)$/.exec(instanceType);
  if (!match) return undefined;
  const [, family, multiplier, base] = match as unknown as [string, string, string, string];
  if (base === "metal") return undefined;
  if (multiplier && base !== "xlarge") return undefined;
  let vcpus = multiplier ? Number(multiplier) * 4 : SIZE_VCPUS[base];
  if (base === "medium" && MEDIUM_ONE_VCPU.test(family)) vcpus = 1;
  if (vcpus === undefined) return undefined;
  return { family, size: `${multiplier}${base}`, vcpus };
}

/** The Graviton family with the same shape (general purpose, compute, memory, burstable). */
const GRAVITON_FAMILY: Record<string, string> = {
  m5: "m6g",
  m5a: "m6g",
  m6i: "m7g",
  m6a: "m7g",
  c5: "c6g",
  c5a: "c6g",
  c6i: "c7g",
  r5: "r6g",
  r5a: "r6g",
  r6i: "r7g",
  t3: "t4g",
  t3a: "t4g",
};

export function gravitonType(instanceType: string): string | undefined {
  const size = parseInstanceType(instanceType);
  const family = size && GRAVITON_FAMILY[size.family];
  return family && size ? `${family}.${size.size}` : undefined;
}

const CANDIDATE_SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];

/** Smaller sizes of the same family, smallest first (candidates a rightsizing may pick). */
export function smallerSizes(instanceType: string): string[] {
  const current = parseInstanceType(instanceType);
  if (!current) return [];
  return CANDIDATE_SIZES.map((size) => `${current.family}.${size}`).filter((type) => {
    const candidate = parseInstanceType(type);
    return candidate !== undefined && candidate.vcpus < current.vcpus;
  });
}

/**
 * The instance types a rightsizing of these types may recommend: smaller sizes in each family and their
 * Graviton equivalents. The price ingest needs their prices too, or the recommendation cannot be priced.
 */
export function rightsizingCandidateTypes(instanceTypes: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const type of instanceTypes) {
    for (const smaller of smallerSizes(type)) {
      wanted.add(smaller);
      const arm = gravitonType(smaller);
      if (arm) wanted.add(arm);
    }
    const arm = gravitonType(type);
    if (arm) wanted.add(arm);
  }
  for (const type of instanceTypes) wanted.delete(type);
  return [...wanted].sort();
}
