// Every detector over one set of facts: the findings of each type, and what could not be judged.
import type { RecommendationType } from "../db/generated/enums";
import type { DetectionFacts, Detector, DetectorResult } from "./detection-facts";
import { detectIdleReplicas } from "./detect-idle-replicas";
import { detectNatWaste } from "./detect-nat-waste";
import { detectNonProdAlwaysOn } from "./detect-non-prod-always-on";
import { detectOrphanVolumes } from "./detect-orphan-volumes";
import { detectRightsizing } from "./detect-rightsizing";
import { detectStoppedInstances } from "./detect-stopped-instances";
import { detectZombieInstances } from "./detect-zombie-instances";

export const DETECTORS: Record<RecommendationType, Detector> = {
  ZOMBIE_INSTANCE: detectZombieInstances,
  STOPPED_INSTANCE: detectStoppedInstances,
  ORPHAN_VOLUME: detectOrphanVolumes,
  IDLE_REPLICA: detectIdleReplicas,
  NAT_WASTE: detectNatWaste,
  RIGHTSIZING: detectRightsizing,
  NON_PROD_ALWAYS_ON: detectNonProdAlwaysOn,
};

export const RECOMMENDATION_TYPES = Object.keys(DETECTORS) as RecommendationType[];

export function detectAll(facts: DetectionFacts): Record<RecommendationType, DetectorResult> {
  return Object.fromEntries(RECOMMENDATION_TYPES.map((type) => [type, DETECTORS[type](facts)])) as Record<
    RecommendationType,
    DetectorResult
  >;
}
