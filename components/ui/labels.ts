// Human names for the enums the database stores.

export { recommendationTypeLabel } from "@/lib/format/recommendation-labels";

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
