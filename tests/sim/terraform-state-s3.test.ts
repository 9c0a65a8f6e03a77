// The Terraform states served from S3 through the official @aws-sdk/client-s3: listing with paging and
// delimiters, GetObject and HeadObject, S3's error shapes, and which addressing style the client uses
// against an IP endpoint.
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import type { TerraformStateV4 } from "../../sim/terraform/state-types";
import { terraformStates } from "../../sim/terraform/write-repository";
import { clientConfig } from "./fixtures/aws-sandbox";

const Bucket = "acme-terraform-state";
let sandbox: RunningSandbox;
let s3: S3Client;
const requests: Array<{ hostname: string; path: string }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-02-01" });
  s3 = new S3Client(clientConfig(sandbox.url));
  s3.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { hostname?: string; path?: string };
      requests.push({ hostname: request.hostname ?? "", path: request.path ?? "" });
      return next(args);
    },
    { step: "build", name: "recordRequest" },
  );
});
afterAll(async () => {
  s3.destroy();
  await sandbox.close();
});

describe("S3 Terraform state", () => {
  it("uses path-style addressing for an IP endpoint without forcePathStyle", async () => {
    requests.length = 0;
    await s3.send(new HeadObjectCommand({ Bucket, Key: "envs/production/terraform.tfstate" }));
    expect(requests[0]).toEqual({ hostname: "127.0.0.1", path: `/${Bucket}/envs/production/terraform.tfstate` });
  });

  it("lists one state per environment, paging with continuation tokens and rolling up prefixes", async () => {
    const expected = terraformStates(sandbox.ctx.org).map((s) => s.key);
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket, Prefix: "envs/" })) {
      pages++;
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ""));
    }
    expect(keys).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    const rolled = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: "envs/", Delimiter: "/" }));
    expect(rolled.CommonPrefixes?.map((p) => p.Prefix)).toEqual(
      expected.map((k) => k.replace(/terraform\.tfstate$/, "")),
    );
    expect(rolled.Contents ?? []).toEqual([]);
  });

  it("serves each state as the v4 JSON Terraform reads, with ETag and size", async () => {
    const object = await s3.send(new GetObjectCommand({ Bucket, Key: "envs/production/terraform.tfstate" }));
    const text = (await object.Body?.transformToString()) ?? "";
    const state = JSON.parse(text) as TerraformStateV4;
    expect(state.version).toBe(4);
    expect(state.resources.length).toBeGreaterThan(50);
    expect(object.ContentLength).toBe(Buffer.byteLength(text));
    expect(object.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: "envs/production/terraform.tfstate" }));
    expect(head.ETag).toBe(object.ETag);
  });

  it("answers NoSuchKey, NoSuchBucket and a bodiless 404 on HEAD as S3 does", async () => {
    await expect(s3.send(new GetObjectCommand({ Bucket, Key: "envs/nope/terraform.tfstate" }))).rejects.toBeInstanceOf(
      NoSuchKey,
    );
    await expect(s3.send(new ListObjectsV2Command({ Bucket: "other-bucket" }))).rejects.toBeInstanceOf(NoSuchBucket);
    await expect(s3.send(new HeadObjectCommand({ Bucket, Key: "missing" }))).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses an unsigned request", async () => {
    const response = await fetch(`${sandbox.url}/${Bucket}/envs/production/terraform.tfstate`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("<Code>MissingAuthenticationToken</Code>");
  });
});
