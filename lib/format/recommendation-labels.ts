// Human names of the recommendation types: one list, so the Waste page, the pull request table and the
// monthly review (slides, tables, CSV) call a finding by the same words.
export const recommendationTypeLabel: Record<string, string> = {
  ZOMBIE_INSTANCE: "Zombie instance",
  STOPPED_INSTANCE: "Long-stopped instance",
  ORPHAN_VOLUME: "Orphan volume",
  IDLE_REPLICA: "Idle RDS replica",
  NAT_WASTE: "NAT Gateway traffic",
  RIGHTSIZING: "Rightsizing",
  NON_PROD_ALWAYS_ON: "Non-prod always on",
};
