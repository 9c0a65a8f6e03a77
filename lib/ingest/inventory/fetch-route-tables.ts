import { type EC2Client, paginateDescribeRouteTables } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeRouteTablesPage, type RouteTablePayload } from "./ec2-payloads";

/** Every route table of the client's region (100 a page, EC2's maximum for this call). */
export async function fetchRouteTables(client: EC2Client, signal?: AbortSignal): Promise<RouteTablePayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeRouteTables" },
    paginateDescribeRouteTables({ client, pageSize: 100 }, {}, { abortSignal: signal }),
    describeRouteTablesPage,
    signal,
  );
  return pages.flatMap((page) => page.RouteTables);
}
