// A changed `instance_type` / `instance_class` on a block: the resource has the new type from the merge day.
import type { Organisation } from "../../org/model";
import { attributeValue, stringLiteral } from "../hcl/parse";
import type { TerraformStateV4 } from "../state-types";
import { withTypeChange } from "../type-history";
import type { MergeEffects } from "./effects";
import type { ResourceBlock } from "./resource-blocks";

const TYPE_ATTRIBUTE: Record<string, string> = { aws_instance: "instance_type", aws_db_instance: "instance_class" };

export function retypeResources(
  org: Organisation,
  state: TerraformStateV4,
  before: Map<string, ResourceBlock>,
  after: Map<string, ResourceBlock>,
  day: string,
  effects: MergeEffects,
): void {
  for (const [address, block] of after) {
    const attribute = TYPE_ATTRIBUTE[block.type];
    const old = before.get(address);
    if (!attribute || !old) continue;
    const next = stringLiteral(attributeValue(block.body, attribute) ?? "");
    const previous = stringLiteral(attributeValue(old.body, attribute) ?? "");
    if (next === undefined || next === previous) continue;
    const resource = state.resources.find((r) => !r.module && r.type === block.type && r.name === block.name);
    for (const instance of resource?.instances ?? []) {
      const id = instance.attributes.id;
      instance.attributes[attribute] = next;
      if (block.type === "aws_instance") {
        const ec2 = org.instances.find((i) => i.id === id);
        if (!ec2 || ec2.instanceType === next) continue;
        effects.retyped.push({ id, from: ec2.instanceType, to: next });
        ec2.typeHistory = withTypeChange(ec2.typeHistory, ec2.instanceType, ec2.launchDay, next, day);
        ec2.instanceType = next;
      } else {
        const db = org.dbInstances.find((d) => d.identifier === id);
        if (!db || db.instanceClass === next) continue;
        effects.retyped.push({ id, from: db.instanceClass, to: next });
        db.classHistory = withTypeChange(db.classHistory, db.instanceClass, db.createDay, next, day);
        db.instanceClass = next;
      }
    }
  }
}
