import { type EC2Client, paginateDescribeSubnets } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeSubnetsPage, type SubnetPayload } from "./ec2-payloads";

export async function fetchSubnets(client: EC2Client, signal?: AbortSignal): Promise<SubnetPayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeSubnets" },
    paginateDescribeSubnets({ client, pageSize: 1000 }, {}, { abortSignal: signal }),
    describeSubnetsPage,
    signal,
  );
  return pages.flatMap((page) => page.Subnets);
}
