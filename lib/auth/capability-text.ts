// How a refusal names what was refused: "Your role cannot start jobs (admins can)."
import type { Capability } from "./roles";

export const capabilityText: Record<Capability, { action: string; who: string }> = {
  "recommendation.dismiss": { action: "dismiss this recommendation", who: "its squad's lead or an admin" },
  "pull-request.open": {
    action: "open a pull request for this recommendation",
    who: "engineers, its squad's lead or admins",
  },
  "settings.edit": { action: "change settings", who: "admins" },
  "jobs.start": { action: "start jobs", who: "admins" },
  "audit.read": { action: "read the audit log", who: "admins" },
};

export function refusalMessage(capability: Capability): string {
  const text = capabilityText[capability];
  return `Your role cannot ${text.action}: ${text.who} can.`;
}
