// Reads every .tf file of the repository at one commit and scans its top-level blocks, grouped by
// directory. A file that cannot be scanned safely is kept with its error, so only what depends on it is refused.
import { posix } from "node:path";
import type { TerraformRepositorySource } from "../repository/repository-source";
import { scanBody, topLevelBlocks, type HclBlock } from "../hcl/scan-body";

export interface ConfigurationFile {
  path: string;
  text: string;
  blocks: HclBlock[];
  /** why the file could not be scanned; blocks is empty then */
  error: string | null;
}

export interface Configuration {
  /** files by directory, e.g. "envs/prod" -> [...] */
  directories: Map<string, ConfigurationFile[]>;
  /** files that could not be scanned: module calls in them are unknown */
  unreadable: ConfigurationFile[];
}

const CONCURRENT_READS = 8;

export async function readConfiguration(source: TerraformRepositorySource, sha: string): Promise<Configuration> {
  const paths = await source.listFiles(sha);
  const files: ConfigurationFile[] = [];
  for (let i = 0; i < paths.length; i += CONCURRENT_READS) {
    const batch = paths.slice(i, i + CONCURRENT_READS);
    const texts = await Promise.all(batch.map((path) => source.readFile(sha, path)));
    batch.forEach((path, k) => files.push(scanFile(path, texts[k]!)));
  }
  const directories = new Map<string, ConfigurationFile[]>();
  for (const file of files) {
    const dir = posix.dirname(file.path);
    directories.set(dir, [...(directories.get(dir) ?? []), file]);
  }
  return { directories, unreadable: files.filter((file) => file.error !== null) };
}

/** Scans the top-level blocks and their arguments: later reads of a block's arguments cannot fail then. */
export function scanFile(path: string, text: string): ConfigurationFile {
  try {
    const blocks = topLevelBlocks(text);
    for (const block of blocks) scanBody(text, block.bodyStart, block.bodyEnd);
    return { path, text, blocks, error: null };
  } catch (error) {
    return { path, text, blocks: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** The blocks of one directory with that type and labels. */
export function blocksNamed(files: ConfigurationFile[], type: string, labels: string[]) {
  return files.flatMap((file) =>
    file.blocks
      .filter((b) => b.type === type && labels.every((label, i) => b.labels[i] === label))
      .map((block) => ({ file, block })),
  );
}
