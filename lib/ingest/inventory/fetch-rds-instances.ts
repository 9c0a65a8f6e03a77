import { type RDSClient, paginateDescribeDBInstances } from "@aws-sdk/client-rds";
import { collectPages } from "./collect-pages";
import { describeDbInstancesPage, type DbInstancePayload } from "./rds-payloads";

/** Every DB instance of the client's region (100 a page, RDS's maximum; paged by Marker). */
export async function fetchRdsInstances(client: RDSClient, signal?: AbortSignal): Promise<DbInstancePayload[]> {
  const pages = await collectPages(
    { api: "RDS", operation: "DescribeDBInstances" },
    paginateDescribeDBInstances({ client, pageSize: 100 }, {}, { abortSignal: signal }),
    describeDbInstancesPage,
    signal,
  );
  return pages.flatMap((page) => page.DBInstances);
}
