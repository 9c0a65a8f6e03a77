// S3's REST API, the part that reads Terraform state: GetObject, HeadObject, ListObjectsV2, HeadBucket,
// GetBucketLocation and ListBuckets. Path-style (`/bucket/key`) and virtual-hosted (`bucket.host/key`)
// addressing both work; errors are S3's `<Error>` XML (no body on HEAD, as S3 does).
import { BUCKETS, bucketObjects, type S3Object } from "../../s3/bucket-objects";
import { listObjectsV2 } from "../../s3/list-objects";
import { XML_HEADER, element, requestIds } from "../../s3/xml";
import type { AwsApi, SimContext, SimRequest, SimResponse } from "../../server/types";
import { SimError } from "../../server/types";

interface Target {
  bucket?: string;
  key?: string;
}

function hostBucket(req: SimRequest): string | undefined {
  const host = String(req.headers.host ?? "");
  return BUCKETS.find((bucket) => host.startsWith(`${bucket}.`));
}

function target(req: SimRequest): Target {
  const path = req.path.replace(/^\/+/, "");
  const fromHost = hostBucket(req);
  if (fromHost) return { bucket: fromHost, key: path === "" ? undefined : decodeURIComponent(path) };
  if (path === "") return {};
  const slash = path.indexOf("/");
  if (slash < 0 || slash === path.length - 1) return { bucket: decodeURIComponent(path.replace(/\/$/, "")) };
  return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
}

function objects(ctx: SimContext, bucket: string): S3Object[] {
  const found = bucketObjects(ctx.org, bucket);
  if (!found) throw new SimError("NoSuchBucket", "The specified bucket does not exist", 404);
  return found;
}

function object(ctx: SimContext, bucket: string, key: string): S3Object {
  const found = objects(ctx, bucket).find((o) => o.key === key);
  if (!found) throw new SimError("NoSuchKey", "The specified key does not exist.", 404);
  return found;
}

function xml(body: string): SimResponse {
  return { status: 200, headers: { "content-type": "application/xml", ...requestIds() }, body };
}

function objectHeaders(o: S3Object): Record<string, string> {
  return {
    "content-type": "application/json",
    "content-length": String(o.body.length),
    etag: o.etag,
    "last-modified": o.lastModified.toUTCString(),
    "accept-ranges": "bytes",
    ...requestIds(),
  };
}

const s3: AwsApi = {
  signingName: "s3",
  name: "s3",

  operation(req) {
    const { bucket, key } = target(req);
    const method = req.method.toUpperCase();
    if (!bucket) return method === "GET" ? "ListBuckets" : undefined;
    if (key !== undefined) return { GET: "GetObject", HEAD: "HeadObject", PUT: "PutObject" }[method];
    if (method === "HEAD") return "HeadBucket";
    if (method !== "GET") return undefined;
    if (req.query.has("location")) return "GetBucketLocation";
    return req.query.get("list-type") === "2" ? "ListObjectsV2" : "ListObjects";
  },

  handle(operation, req, ctx) {
    const { bucket = "", key = "" } = target(req);
    switch (operation) {
      case "ListBuckets":
        return xml(
          `${XML_HEADER}<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner>${element("ID", "sandbox")}</Owner><Buckets>${BUCKETS.map((b) => `<Bucket>${element("Name", b)}${element("CreationDate", `${ctx.org.start}T00:00:00.000Z`)}</Bucket>`).join("")}</Buckets></ListAllMyBucketsResult>`,
        );
      case "HeadBucket":
        objects(ctx, bucket);
        return {
          status: 200,
          headers: { "x-amz-bucket-region": ctx.org.regions[0] ?? "us-east-1", ...requestIds() },
          body: "",
        };
      case "GetBucketLocation":
        objects(ctx, bucket);
        return xml(
          `${XML_HEADER}<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${ctx.org.regions[0] ?? ""}</LocationConstraint>`,
        );
      case "ListObjectsV2":
        return xml(listObjectsV2(bucket, objects(ctx, bucket), req.query));
      case "GetObject": {
        const o = object(ctx, bucket, key);
        return { status: 200, headers: objectHeaders(o), body: o.body };
      }
      case "HeadObject": {
        const o = object(ctx, bucket, key);
        return { status: 200, headers: objectHeaders(o), body: "" };
      }
      default:
        // The sandbox's state is written by merged pull requests, never by clients.
        throw new SimError("NotImplemented", `The sandbox does not implement ${operation}`, 501);
    }
  },

  renderError(error, req) {
    const headers = { "content-type": "application/xml", ...requestIds() };
    if (req.method.toUpperCase() === "HEAD") return { status: error.status, headers, body: "" };
    const { bucket, key } = target(req);
    const detail =
      error.code === "NoSuchKey" && key !== undefined
        ? element("Key", key)
        : error.code === "NoSuchBucket" && bucket !== undefined
          ? element("BucketName", bucket)
          : "";
    return {
      status: error.status,
      headers,
      body: `${XML_HEADER}<Error>${element("Code", error.code)}${element("Message", error.message)}${detail}${element("RequestId", headers["x-amz-request-id"])}</Error>`,
    };
  },
};

export default s3;
