// Human names for the enums the database stores.

export const recommendationTypeLabel: Record<string, string> = {
  ZOMBIE_INSTANCE: "Zombie instance",
  STOPPED_INSTANCE: "Long-stopped instance",
  ORPHAN_VOLUME: "Orphan volume",
  IDLE_REPLICA: "Idle RDS replica",
  NAT_WASTE: "NAT Gateway traffic",
  RIGHTSIZING: "Rightsizing",
  NON_PROD_ALWAYS_ON: "Non-prod always on",
};

export const statusLabel: Record<string, string> = {
  OPEN: "Open",
  DISMISSED: "Dismissed",
  IN_PROGRESS: "In progress",
  RESOLVED: "Resolved",
  REALISED: "Realised",
  MERGED: "Merged",
  CLOSED: "Closed",
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
};
