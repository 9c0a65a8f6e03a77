// Contract tests for the sandbox's RDS API with the official @aws-sdk/client-rds: Marker paging through
// the generated organisation's DB instances, replica links, filters, tags and error shapes.
import {
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  paginateDescribeDBInstances,
  RDSClient,
  type DBInstance,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../sim/org/model";
import { startSandbox, type RunningSandbox } from "../../sim/server/start-sandbox";
import { clientConfig, queueFault } from "./fixtures/aws-sandbox";

let sandbox: RunningSandbox;
let rds: RDSClient;
let org: Organisation;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, scale: 1, today: "2026-11-20" });
  org = sandbox.ctx.org;
  rds = new RDSClient(clientConfig(sandbox.url));
});
afterAll(async () => {
  rds.destroy();
  await sandbox.close();
});

const regional = () => org.dbInstances.filter((d) => d.region === "us-east-1" && !d.goneDay);

async function all(
  pageSize?: number,
  filters?: { Name: string; Values: string[] }[],
): Promise<{ dbs: DBInstance[]; pages: number }> {
  const dbs: DBInstance[] = [];
  let pages = 0;
  for await (const page of paginateDescribeDBInstances({ client: rds, pageSize }, { Filters: filters })) {
    pages++;
    dbs.push(...(page.DBInstances ?? []));
  }
  return { dbs, pages };
}

describe("DescribeDBInstances", () => {
  it("pages with Marker through every DB instance of the region", async () => {
    const { dbs, pages } = await all(20);
    expect(pages).toBe(Math.ceil(regional().length / 20));
    expect(dbs.map((d) => d.DBInstanceIdentifier).sort()).toEqual(
      regional()
        .map((d) => d.identifier)
        .sort(),
    );
    const byDefault = await all();
    expect(byDefault.pages).toBe(Math.ceil(regional().length / 100));
  });

  it("links replicas and primaries both ways", async () => {
    const { dbs } = await all(100);
    const replicas = dbs.filter((d) => d.ReadReplicaSourceDBInstanceIdentifier);
    expect(replicas.length).toBe(regional().filter((d) => d.replicaSourceIdentifier).length);
    for (const replica of replicas) {
      const primary = dbs.find((d) => d.DBInstanceIdentifier === replica.ReadReplicaSourceDBInstanceIdentifier);
      expect(primary?.ReadReplicaDBInstanceIdentifiers).toContain(replica.DBInstanceIdentifier);
    }
  });

  it("describes one instance as the model has it", async () => {
    const model = regional().find((d) => d.replicaSourceIdentifier);
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: model?.identifier }));
    const db = out.DBInstances?.[0];
    expect(db).toMatchObject({
      DBInstanceIdentifier: model?.identifier,
      DBInstanceClass: model?.instanceClass,
      Engine: model?.engine,
      AllocatedStorage: model?.storageGiB,
      MultiAZ: model?.multiAz,
      DBInstanceStatus: "available",
      DBInstanceArn: model?.arn,
    });
    expect(db?.InstanceCreateTime?.toISOString().slice(0, 10)).toBe(model?.createDay);
    expect(Object.fromEntries((db?.TagList ?? []).map((t) => [t.Key, t.Value]))).toEqual(model?.tags);
    const tags = await rds.send(new ListTagsForResourceCommand({ ResourceName: model?.arn }));
    expect(tags.TagList?.length).toBe(Object.keys(model?.tags ?? {}).length);
  });

  it("filters by engine", async () => {
    const { dbs } = await all(100, [{ Name: "engine", Values: ["mysql"] }]);
    expect(dbs.length).toBe(regional().filter((d) => d.engine === "mysql").length);
  });

  it("answers RDS's errors in the query error shape", async () => {
    await expect(
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "no-such-db" })),
    ).rejects.toMatchObject({
      name: "DBInstanceNotFoundFault",
      $metadata: { httpStatusCode: 404 },
    });
    await expect(rds.send(new DescribeDBInstancesCommand({ MaxRecords: 5 }))).rejects.toMatchObject({
      Code: "InvalidParameterValue",
    });
    await queueFault(sandbox.url, { api: "rds", operation: "DescribeDBInstances", kind: "throttle" });
    await expect(rds.send(new DescribeDBInstancesCommand({}))).rejects.toMatchObject({ Code: "Throttling" });
  });
});
