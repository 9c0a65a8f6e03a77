import { type EC2Client, paginateDescribeInstances } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeInstancesPage, type Ec2Reservation } from "./ec2-payloads";

/** Every instance of the client's region, each reservation with its OwnerId (1,000 a page). */
export async function fetchEc2Instances(client: EC2Client, signal?: AbortSignal): Promise<Ec2Reservation[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeInstances" },
    paginateDescribeInstances({ client, pageSize: 1000 }, {}, { abortSignal: signal }),
    describeInstancesPage,
    signal,
  );
  return pages.flatMap((page) => page.Reservations);
}
