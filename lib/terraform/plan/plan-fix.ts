// planFix: the Terraform change for one recommendation, or for several of the same type in the same root
// module (one pull request), or the reason none is made. Reads the repository through the context only;
// no database, no network of its own.
import type { FixOutcome } from "../fix-plan";
import { refusal, type FixContext } from "./fix-context";
import type { FixInput } from "./fix-input";
import { planBlockDeletion } from "./plan-block-deletion";
import { planResize } from "./plan-resize";
import { planSchedules } from "./plan-schedules";
import { planVpcEndpoints } from "./plan-vpc-endpoints";

export async function planFix(inputs: FixInput[], context: FixContext): Promise<FixOutcome> {
  if (inputs.length === 0) throw new Error("planFix needs at least one recommendation");
  const types = [...new Set(inputs.map((i) => i.type))];
  if (types.length > 1)
    return refusal("mixed-types", `One pull request fixes one kind of waste; these are ${types.join(", ")}.`);
  switch (types[0]!) {
    case "ZOMBIE_INSTANCE":
    case "STOPPED_INSTANCE":
    case "ORPHAN_VOLUME":
    case "IDLE_REPLICA":
      return planBlockDeletion(inputs, context);
    case "RIGHTSIZING":
      return planResize(inputs, context);
    case "NAT_WASTE":
      return planVpcEndpoints(inputs, context);
    case "NON_PROD_ALWAYS_ON":
      return planSchedules(inputs, context);
  }
}
