// Reads every environment's Terraform state: from the S3 bucket of the backend (keys
// envs/<env>/terraform.tfstate, found with ListObjectsV2) or, without a bucket, from a directory with the
// same layout. Each file comes with a version (ETag or content hash); together they fingerprint the state.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { GetObjectCommand, paginateListObjectsV2, type S3Client } from "@aws-sdk/client-s3";
import { parseStateText, rootModuleOfKey, STATE_KEY, type StateFile } from "./state-schema";

/** Where the states are read from. */
export interface StateSource {
  /** the key and version of each state file, without reading the content */
  list(): Promise<Array<{ key: string; version: string }>>;
  readAll(): Promise<StateFile[]>;
}

export function s3StateSource(s3: S3Client, bucket: string): StateSource {
  const list = async () => {
    const files: Array<{ key: string; version: string }> = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: "envs/" })) {
      for (const object of page.Contents ?? []) {
        if (object.Key && STATE_KEY.test(object.Key)) files.push({ key: object.Key, version: object.ETag ?? "" });
      }
    }
    return files.sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    list,
    readAll: async () => {
      const files = await list();
      return Promise.all(
        files.map(async ({ key }) => {
          const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          const text = (await object.Body?.transformToString("utf8")) ?? "";
          return {
            key,
            rootModule: rootModuleOfKey(key),
            version: object.ETag ?? "",
            state: parseStateText(key, text),
          };
        }),
      );
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function directoryStateSource(dir: string): StateSource {
  const readTexts = async () => {
    const environments = await readdir(join(dir, "envs"), { withFileTypes: true }).catch(() => []);
    const texts: Array<{ key: string; text: string }> = [];
    for (const entry of environments.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const key = `envs/${entry.name}/terraform.tfstate`;
      const text = await readFile(join(dir, key), "utf8").catch(() => undefined);
      if (text !== undefined) texts.push({ key, text });
    }
    return texts;
  };
  return {
    list: async () => (await readTexts()).map(({ key, text }) => ({ key, version: sha256(text) })),
    readAll: async () =>
      (await readTexts()).map(({ key, text }) => ({
        key,
        rootModule: rootModuleOfKey(key),
        version: sha256(text),
        state: parseStateText(key, text),
      })),
  };
}

/** One string that changes whenever any state file is added, removed or rewritten. */
export function stateFingerprint(files: Array<{ key: string; version: string }>): string {
  return sha256(files.map(({ key, version }) => `${key}=${version}`).join("\n"));
}
