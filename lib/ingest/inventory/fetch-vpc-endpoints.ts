import { type EC2Client, paginateDescribeVpcEndpoints } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeVpcEndpointsPage, type VpcEndpointPayload } from "./ec2-payloads";

export async function fetchVpcEndpoints(client: EC2Client, signal?: AbortSignal): Promise<VpcEndpointPayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeVpcEndpoints" },
    paginateDescribeVpcEndpoints({ client, pageSize: 1000 }, {}, { abortSignal: signal }),
    describeVpcEndpointsPage,
    signal,
  );
  return pages.flatMap((page) => page.VpcEndpoints);
}
