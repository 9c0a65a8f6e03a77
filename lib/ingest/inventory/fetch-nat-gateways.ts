import { type EC2Client, paginateDescribeNatGateways } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeNatGatewaysPage, type NatGatewayPayload } from "./ec2-payloads";

/** Every NAT gateway of the client's region, deleted ones included while EC2 still lists them. */
export async function fetchNatGateways(client: EC2Client, signal?: AbortSignal): Promise<NatGatewayPayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeNatGateways" },
    paginateDescribeNatGateways({ client, pageSize: 1000 }, {}, { abortSignal: signal }),
    describeNatGatewaysPage,
    signal,
  );
  return pages.flatMap((page) => page.NatGateways);
}
