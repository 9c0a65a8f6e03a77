// Finds the block that declares a state resource: in the root module's directory, or through the chain of
// `module "x" { source = "../../modules/..." }` calls. Refuses, with the reason a user reads, whatever an
// edit could get wrong: a block created by count/for_each, a module called from more than one place, a
// block that is missing or declared twice.
import { posix } from "node:path";
import { findAttribute, stringLiteral } from "../hcl/scan-body";
import type { RefusalCode } from "../fix-plan";
import { blocksNamed, type Configuration, type ConfigurationFile } from "./read-configuration";

export type Located =
  | { ok: true; file: string; moduleDir: string }
  | { ok: false; code: RefusalCode; reason: string; moduleDir: string | null };

/** How many module blocks in the whole repository call each local module directory. */
export function moduleCallCounts(configuration: Configuration): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [dir, files] of configuration.directories) {
    for (const file of files) {
      for (const block of file.blocks) {
        if (block.type !== "module") continue;
        const source = localSource(file, block, dir);
        if (source) counts.set(source, (counts.get(source) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function localSource(file: ConfigurationFile, block: ConfigurationFile["blocks"][number], dir: string) {
  const attribute = findAttribute(file.text, block, "source");
  const source = attribute ? stringLiteral(file.text.slice(attribute.valueStart, attribute.valueEnd)) : undefined;
  if (!source || !/^\.\.?\//.test(source)) return undefined;
  return posix.normalize(posix.join(dir, source)).replace(/\/$/, "");
}

const iterates = (file: ConfigurationFile, block: ConfigurationFile["blocks"][number]) =>
  ["count", "for_each"].find((name) => findAttribute(file.text, block, name));

/** "module.a.module.b[0]" -> [{ name: "a", keyed: false }, { name: "b", keyed: true }] */
function moduleChain(modulePath: string | null) {
  if (!modulePath) return [];
  return [...modulePath.matchAll(/module\.([\w-]+)(\[[^\]]+\])?/g)].map((m) => ({ name: m[1]!, keyed: !!m[2] }));
}

export function locateBlock(
  configuration: Configuration,
  callCounts: Map<string, number>,
  resource: { rootModule: string; modulePath: string | null; type: string; name: string; keyed: boolean },
): Located {
  let dir = resource.rootModule;
  const refuse = (code: RefusalCode, reason: string): Located => ({ ok: false, code, reason, moduleDir: dir });
  if (!configuration.directories.has(dir))
    return refuse("no-terraform-config", `The repository has no .tf files in ${dir}, the directory of its state.`);

  const unreadable = configuration.unreadable[0];
  if (resource.modulePath && unreadable)
    return refuse(
      "ambiguous-block",
      `${unreadable.path} could not be read safely (${unreadable.error}), so whether the module of ${resource.modulePath} is called from elsewhere is unknown.`,
    );
  for (const call of moduleChain(resource.modulePath)) {
    const files = configuration.directories.get(dir) ?? [];
    const found = blocksNamed(files, "module", [call.name]);
    if (found.length !== 1)
      return refuse(
        found.length === 0 ? "block-not-found" : "ambiguous-block",
        `module "${call.name}" is declared ${found.length} times in ${dir}.`,
      );
    const { file, block } = found[0]!;
    const counter = iterates(file, block);
    if (call.keyed || counter)
      return refuse(
        "count-or-for-each",
        `module "${call.name}" in ${file.path} is called with ${counter ?? "count or for_each"}: removing one of its instances means editing the collection it iterates over.`,
      );
    const source = localSource(file, block, dir);
    if (!source)
      return refuse(
        "block-not-found",
        `module "${call.name}" in ${file.path} comes from a registry or remote source, which CostLens does not edit.`,
      );
    // from here on the module's own directory: a refusal still names it, so its outputs can be read
    dir = source;
    const calls = callCounts.get(source) ?? 0;
    if (calls > 1)
      return refuse(
        "shared-module",
        `It is declared in the module ${source}, which is called from ${calls} places: changing the module would change every one of them.`,
      );
  }

  const files = configuration.directories.get(dir) ?? [];
  const unreadableHere = files.find((f) => f.error !== null);
  const found = blocksNamed(files, "resource", [resource.type, resource.name]);
  if (found.length === 0)
    return refuse(
      unreadableHere ? "ambiguous-block" : "block-not-found",
      unreadableHere
        ? `${unreadableHere.path} could not be read safely (${unreadableHere.error}), so the block of ${resource.type}.${resource.name} cannot be located with certainty.`
        : `No resource "${resource.type}" "${resource.name}" block was found in ${dir}.`,
    );
  if (found.length > 1)
    return refuse(
      "ambiguous-block",
      `resource "${resource.type}" "${resource.name}" is declared ${found.length} times in ${dir} (${found.map((f) => f.file.path).join(", ")}).`,
    );
  const { file, block } = found[0]!;
  const counter = iterates(file, block);
  if (counter || resource.keyed)
    return refuse(
      "count-or-for-each",
      `resource "${resource.type}" "${resource.name}" in ${file.path} is created with ${counter ?? "count or for_each"}: removing one instance means editing the collection it iterates over, which CostLens leaves to a person.`,
    );
  return { ok: true, file: file.path, moduleDir: dir };
}
