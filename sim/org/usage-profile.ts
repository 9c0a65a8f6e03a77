// Utilisation profiles: a mean CPU and network volume, with the percentiles that follow from them.
import type { UtilisationProfile } from "./model";
import type { Random } from "./random";

const GB = 1024 ** 3;

export interface UsageOptions {
  cpuMean: number;
  networkGbPerDay: number;
  withMemoryAgent?: boolean;
  /** memory p95 range where an agent reports memory; percent */
  memoryP95Range?: [number, number];
  businessHoursOnly?: boolean;
}

export function usageProfile(random: Random, options: UsageOptions): UtilisationProfile {
  const cpuMean = Math.round(options.cpuMean * 10) / 10;
  const cpuP95 = Math.min(100, Math.round(cpuMean * random.float(1.6, 2.2) * 10) / 10);
  const cpuMax = Math.min(100, Math.round(cpuP95 * random.float(1.2, 1.6) * 10) / 10);
  const totalBytes = Math.round(options.networkGbPerDay * GB);
  const inShare = random.float(0.35, 0.65);
  return {
    cpuMean,
    cpuP95,
    cpuMax,
    networkInBytesPerDay: Math.round(totalBytes * inShare),
    networkOutBytesPerDay: Math.round(totalBytes * (1 - inShare)),
    ...(options.withMemoryAgent
      ? { memoryP95: Math.round(random.float(...(options.memoryP95Range ?? [20, 70]))) }
      : {}),
    ...(options.businessHoursOnly ? { businessHoursOnly: true } : {}),
  };
}
