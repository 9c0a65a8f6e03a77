// The `resource` blocks of a set of files, keyed by address ("aws_instance.web").
import { type HclBody, parseHclBody } from "../hcl/parse";

export interface ResourceBlock {
  type: string;
  name: string;
  body: HclBody;
  text: string;
}

export function resourceBlocks(texts: string[]): Map<string, ResourceBlock> {
  const blocks = new Map<string, ResourceBlock>();
  for (const text of texts) {
    for (const block of parseHclBody(text).blocks) {
      const [type, name] = block.labels;
      if (block.type !== "resource" || !type || !name) continue;
      blocks.set(`${type}.${name}`, { type, name, body: parseHclBody(block.body), text: block.body });
    }
  }
  return blocks;
}
