// DescribeVolumes. A volume is listed while it exists; `available` volumes have no attachment, and an
// attachment's time is when the later of the volume and its instance came to be.
import type { EbsVolume, Organisation } from "../../../org/model";
import { createdSeconds, instanceLaunchSeconds, isLive } from "../../../org/resource-times";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { isoTime, tagSet } from "./xml-shapes";

const collection: Ec2Collection<EbsVolume> = {
  idParameter: "VolumeId",
  id: (v) => v.id,
  notFound: (ids) => new SimError("InvalidVolume.NotFound", `The volume '${ids.join(", ")}' does not exist.`),
  fields: {
    "volume-id": (v) => v.id,
    status: (v) => v.state,
    "volume-type": (v) => v.volumeType,
    size: (v) => String(v.sizeGiB),
    "availability-zone": (v) => v.az,
    "attachment.instance-id": (v) => (v.state === "in-use" ? v.attachedInstanceId : undefined),
    "attachment.status": (v) => (v.state === "in-use" ? "attached" : undefined),
    "owner-id": (v) => v.accountId,
  },
  tags: (v) => v.tags,
  defaultPageSize: 100,
  maxPageSize: 500,
};

function attachmentSet(volume: EbsVolume, org: Organisation) {
  const instance = volume.attachedInstanceId
    ? org.instances.find((i) => i.id === volume.attachedInstanceId)
    : undefined;
  if (volume.state !== "in-use" || !instance) return xmlList("item", []);
  const attachTime = Math.max(createdSeconds(volume.createDay, volume.id), instanceLaunchSeconds(instance));
  const device = instance.volumeIds.indexOf(volume.id);
  return xmlList("item", [
    {
      volumeId: volume.id,
      instanceId: instance.id,
      device: device <= 0 ? "/dev/xvda" : `/dev/sd${String.fromCharCode(101 + device)}`,
      status: "attached",
      attachTime: isoTime(attachTime),
      deleteOnTermination: device === 0,
    },
  ]);
}

export function describeVolumes(params: QueryParams, org: Organisation, region: string): SimResponse {
  const volumes = org.volumes.filter((v) => v.region === region && isLive(v.goneDay, org.today));
  const page = describeCollection(params, volumes, collection);
  return ec2Response("DescribeVolumes", {
    volumeSet: xmlList(
      "item",
      page.items.map((v) => ({
        volumeId: v.id,
        size: v.sizeGiB,
        snapshotId: "",
        availabilityZone: v.az,
        status: v.state,
        createTime: isoTime(createdSeconds(v.createDay, v.id)),
        attachmentSet: attachmentSet(v, org),
        tagSet: tagSet(v.tags),
        volumeType: v.volumeType,
        iops: v.volumeType === "gp3" ? 3000 : v.volumeType === "st1" ? undefined : Math.max(100, v.sizeGiB * 3),
        throughput: v.volumeType === "gp3" ? 125 : undefined,
        encrypted: true,
        multiAttachEnabled: false,
      })),
    ),
    nextToken: page.nextToken,
  });
}
