// The objects of the sandbox's buckets: only the Terraform state bucket exists.
import { createHash } from "node:crypto";
import type { Organisation } from "../org/model";
import { STATE_BUCKET } from "../terraform/state-types";
import { storedStates } from "../terraform/state-store";

export interface S3Object {
  key: string;
  body: Buffer;
  etag: string;
  lastModified: Date;
}

export const BUCKETS = [STATE_BUCKET];

export function bucketObjects(org: Organisation, bucket: string): S3Object[] | undefined {
  if (bucket !== STATE_BUCKET) return undefined;
  return [...storedStates(org).values()]
    .map(({ key, state, lastModified }) => {
      // Terraform writes its state indented by two spaces, with a trailing newline.
      const body = Buffer.from(`${JSON.stringify(state, null, 2)}\n`, "utf8");
      return { key, body, etag: `"${createHash("md5").update(body).digest("hex")}"`, lastModified };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
