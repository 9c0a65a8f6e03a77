// Times of day for the sandbox's day-granular lifecycle: the model says on which day an instance launched
// or stopped, inventory APIs need a timestamp. The time is derived from the resource id, so every API (EC2
// launchTime, StateTransitionReason, CloudWatch's first and last datapoints) tells the same time.
// Launches and stops happen in working hours (08:00-18:00 UTC); gone resources vanish at 00:00 of goneDay,
// the moment their costs stop.
import type { Day, Ec2Instance } from "./model";
import { hashString } from "./random";

const SECONDS_PER_DAY = 86_400;
const SAMPLE_SECONDS = 300;

/** Epoch seconds of 00:00 UTC on a day. */
export function dayStartSeconds(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** A working-hours time on `day`, on a 5-minute boundary so metric samples start exactly there. */
export function eventSeconds(day: Day, resourceId: string, event: string): number {
  const slots = (10 * 3600) / SAMPLE_SECONDS;
  return dayStartSeconds(day) + 8 * 3600 + (hashString(`${resourceId}:${event}`) % slots) * SAMPLE_SECONDS;
}

export function createdSeconds(day: Day, resourceId: string): number {
  return eventSeconds(day, resourceId, "create");
}

export function instanceLaunchSeconds(instance: Ec2Instance): number {
  return createdSeconds(instance.launchDay, instance.id);
}

/** When a stopped instance stopped: on its stateChangeDay, never before it launched. */
export function instanceStopSeconds(instance: Ec2Instance): number {
  const stop = eventSeconds(instance.stateChangeDay, instance.id, "stop");
  return Math.max(stop, instanceLaunchSeconds(instance) + SAMPLE_SECONDS);
}

/** Whether a resource with this goneDay still exists on `today`. */
export function isLive(goneDay: Day | undefined, today: Day): boolean {
  return goneDay === undefined || goneDay > today;
}

export const SECONDS = { day: SECONDS_PER_DAY, sample: SAMPLE_SECONDS } as const;

/** "2026-10-01 14:05:00 GMT", the format of EC2's StateTransitionReason. */
export function gmtText(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, 19).replace("T", " ")} GMT`;
}
