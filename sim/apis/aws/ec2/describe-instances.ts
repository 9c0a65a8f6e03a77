// DescribeInstances: one reservation per instance. Terminated instances stay listed (state "terminated")
// on their goneDay, the sandbox's version of AWS listing them for about an hour; after that they are gone.
// The tags AWS itself puts on group members and EKS nodes are added here, as AWS adds them.
import type { Ec2Instance, Organisation, Tags } from "../../../org/model";
import {
  gmtText,
  instanceLaunchSeconds,
  instanceStopSeconds,
  dayStartSeconds,
  isLive,
} from "../../../org/resource-times";
import { hashString } from "../../../org/random";
import { ec2Response, type QueryParams } from "../../../protocols/aws-query";
import { xmlList, type XmlTree } from "../../../protocols/xml";
import { SimError, type SimResponse } from "../../../server/types";
import { describeCollection, type Ec2Collection } from "./describe-collection";
import { derivedId, isoTime, tagSet } from "./xml-shapes";

type StateName = "running" | "stopped" | "terminated";
const STATE_CODES: Record<StateName, number> = { running: 16, stopped: 80, terminated: 48 };

const SHUTDOWN = {
  code: "Client.UserInitiatedShutdown",
  message: "Client.UserInitiatedShutdown: User initiated shutdown",
};

interface ListedInstance {
  instance: Ec2Instance;
  state: StateName;
  tags: Tags;
}

function awsTags(instance: Ec2Instance, org: Organisation): Tags {
  const tags: Tags = { ...instance.tags };
  if (instance.asgName) tags["aws:autoscaling:groupName"] = instance.asgName;
  const cluster = instance.clusterName ? org.clusters.find((c) => c.name === instance.clusterName) : undefined;
  if (cluster) {
    tags["eks:cluster-name"] = cluster.name;
    tags["eks:nodegroup-name"] = cluster.nodeGroupName;
    tags[`kubernetes.io/cluster/${cluster.name}`] = "owned";
  }
  return tags;
}

function listedInstances(org: Organisation, region: string): ListedInstance[] {
  return org.instances
    .filter((i) => i.region === region && (isLive(i.goneDay, org.today) || i.goneDay === org.today))
    .map((instance) => ({
      instance,
      state: isLive(instance.goneDay, org.today) ? instance.state : "terminated",
      tags: awsTags(instance, org),
    }));
}

const collection: Ec2Collection<ListedInstance> = {
  idParameter: "InstanceId",
  id: (l) => l.instance.id,
  notFound: (ids) =>
    new SimError(
      "InvalidInstanceID.NotFound",
      `The instance ID${ids.length > 1 ? "s" : ""} '${ids.join(", ")}' ${ids.length > 1 ? "do" : "does"} not exist`,
    ),
  fields: {
    "instance-id": (l) => l.instance.id,
    "instance-state-name": (l) => l.state,
    "instance-state-code": (l) => String(STATE_CODES[l.state]),
    "instance-type": (l) => l.instance.instanceType,
    architecture: (l) => l.instance.architecture,
    "availability-zone": (l) => l.instance.az,
    "vpc-id": (l) => l.instance.vpcId,
    "subnet-id": (l) => l.instance.subnetId,
    "owner-id": (l) => l.instance.accountId,
    "block-device-mapping.volume-id": (l) => l.instance.volumeIds,
  },
  tags: (l) => l.tags,
  defaultPageSize: 100,
  maxPageSize: 1000,
};

function privateIp(instance: Ec2Instance): string {
  const h = hashString(instance.id);
  return `10.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfd) + 1}`;
}

function stateTransition(l: ListedInstance, org: Organisation): { reason: string; stateReason?: XmlTree } {
  if (l.state === "running") return { reason: "" };
  const at = l.state === "stopped" ? instanceStopSeconds(l.instance) : dayStartSeconds(l.instance.goneDay ?? org.today);
  return { reason: `User initiated (${gmtText(at)})`, stateReason: SHUTDOWN };
}

function instanceXml(l: ListedInstance, org: Organisation): XmlTree {
  const { instance } = l;
  const launch = instanceLaunchSeconds(instance);
  const terminated = l.state === "terminated";
  const ip = privateIp(instance);
  const { reason, stateReason } = stateTransition(l, org);
  return {
    instanceId: instance.id,
    imageId: derivedId("ami", `${instance.architecture}:${instance.instanceType}`),
    instanceState: { code: STATE_CODES[l.state], name: l.state },
    privateDnsName: terminated ? "" : `ip-${ip.replaceAll(".", "-")}.ec2.internal`,
    dnsName: "",
    reason,
    amiLaunchIndex: 0,
    productCodes: xmlList("item", []),
    instanceType: instance.instanceType,
    launchTime: isoTime(launch),
    placement: { availabilityZone: instance.az, groupName: "", tenancy: "default" },
    monitoring: { state: "disabled" },
    subnetId: terminated ? undefined : instance.subnetId,
    vpcId: terminated ? undefined : instance.vpcId,
    privateIpAddress: terminated ? undefined : ip,
    stateReason,
    architecture: instance.architecture,
    rootDeviceType: "ebs",
    rootDeviceName: "/dev/xvda",
    blockDeviceMapping: xmlList(
      "item",
      terminated
        ? []
        : instance.volumeIds.map((volumeId, i) => ({
            deviceName: i === 0 ? "/dev/xvda" : `/dev/sd${String.fromCharCode(101 + i)}`,
            ebs: { volumeId, status: "attached", attachTime: isoTime(launch), deleteOnTermination: i === 0 },
          })),
    ),
    virtualizationType: "hvm",
    tagSet: tagSet(l.tags),
    hypervisor: "xen",
    ebsOptimized: true,
    enaSupport: true,
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
  };
}

export function describeInstances(params: QueryParams, org: Organisation, region: string): SimResponse {
  const page = describeCollection(params, listedInstances(org, region), collection);
  return ec2Response("DescribeInstances", {
    reservationSet: xmlList(
      "item",
      page.items.map((l) => ({
        reservationId: derivedId("r", l.instance.id),
        ownerId: l.instance.accountId,
        groupSet: xmlList("item", []),
        instancesSet: xmlList("item", [instanceXml(l, org)]),
      })),
    ),
    nextToken: page.nextToken,
  });
}
