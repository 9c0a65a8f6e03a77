import { type EC2Client, paginateDescribeVolumes } from "@aws-sdk/client-ec2";
import { collectPages } from "./collect-pages";
import { describeVolumesPage, type EbsVolumePayload } from "./ec2-payloads";

/** Every EBS volume of the client's region (500 a page, EC2's maximum). */
export async function fetchEbsVolumes(client: EC2Client, signal?: AbortSignal): Promise<EbsVolumePayload[]> {
  const pages = await collectPages(
    { api: "EC2", operation: "DescribeVolumes" },
    paginateDescribeVolumes({ client, pageSize: 500 }, {}, { abortSignal: signal }),
    describeVolumesPage,
    signal,
  );
  return pages.flatMap((page) => page.Volumes);
}
