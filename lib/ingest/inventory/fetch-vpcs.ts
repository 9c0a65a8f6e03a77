import { type EC2Client, paginateDescribeVpcs } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeVpcsPage, type VpcPayload } from "./ec2-payloads";

export async function fetchVpcs(client: EC2Client, signal?: AbortSignal): Promise<VpcPayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeVpcs" },
    paginateDescribeVpcs({ client, pageSize: 1000 }, {}, { abortSignal: signal }),
    describeVpcsPage,
    signal,
  );
  return pages.flatMap((page) => page.Vpcs);
}
