// ListObjectsV2: prefix, delimiter, max-keys, start-after and continuation tokens, as S3 pages them.
import { z } from "zod";
import { SimError } from "../server/types";
import type { S3Object } from "./bucket-objects";
import { XML_HEADER, element } from "./xml";

const listQuery = z.object({
  prefix: z.string().default(""),
  delimiter: z.string().optional(),
  "max-keys": z.coerce.number().int().min(0).max(1000).default(1000),
  "continuation-token": z.string().optional(),
  "start-after": z.string().optional(),
});

export function listObjectsV2(bucket: string, objects: S3Object[], query: URLSearchParams): string {
  const parsed = listQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new SimError("InvalidArgument", "Invalid list request argument", 400);
  const q = parsed.data;
  const token = q["continuation-token"];
  const after = token !== undefined ? Buffer.from(token, "base64url").toString("utf8") : (q["start-after"] ?? "");

  // Keys, and common prefixes rolled up under the delimiter, in one ordered stream as S3 counts them.
  const entries: Array<{ key: string; object?: S3Object }> = [];
  for (const object of objects) {
    if (!object.key.startsWith(q.prefix) || object.key <= after) continue;
    const rest = object.key.slice(q.prefix.length);
    const cut = q.delimiter ? rest.indexOf(q.delimiter) : -1;
    if (cut >= 0 && q.delimiter) {
      const common = q.prefix + rest.slice(0, cut + q.delimiter.length);
      if (entries[entries.length - 1]?.key !== common && common > after) entries.push({ key: common });
    } else entries.push({ key: object.key, object });
  }
  const page = entries.slice(0, q["max-keys"]);
  const truncated = entries.length > page.length;
  const last = page[page.length - 1];
  const contents = page
    .filter((e) => e.object)
    .map(({ object }) =>
      object
        ? `<Contents>${element("Key", object.key)}${element("LastModified", object.lastModified.toISOString())}${element("ETag", object.etag)}${element("Size", object.body.length)}${element("StorageClass", "STANDARD")}</Contents>`
        : "",
    );
  const prefixes = page
    .filter((e) => !e.object)
    .map((e) => `<CommonPrefixes>${element("Prefix", e.key)}</CommonPrefixes>`);
  return [
    XML_HEADER,
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
    element("Name", bucket),
    element("Prefix", q.prefix),
    q.delimiter ? element("Delimiter", q.delimiter) : "",
    element("MaxKeys", q["max-keys"]),
    element("KeyCount", page.length),
    element("IsTruncated", truncated),
    token !== undefined ? element("ContinuationToken", token) : "",
    q["start-after"] !== undefined ? element("StartAfter", q["start-after"]) : "",
    truncated && last ? element("NextContinuationToken", Buffer.from(last.key, "utf8").toString("base64url")) : "",
    ...contents,
    ...prefixes,
    "</ListBucketResult>",
  ].join("");
}
