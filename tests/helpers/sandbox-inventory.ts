// The sandbox's live resources as Resource rows, the way the inventory ingest stores them, for tests of
// jobs that read the inventory (metrics, prices) without running the inventory ingest first.
import type { Organisation } from "../../sim/org/model";

type SeededKind = "EC2_INSTANCE" | "EBS_VOLUME" | "RDS_INSTANCE" | "NAT_GATEWAY";

interface SeededRow {
  resourceId: string;
  accountId: string;
  region: string;
  kind: SeededKind;
  state: string;
  sizeType?: string;
}

export function liveInventoryRows(org: Organisation, kinds: readonly SeededKind[]): SeededRow[] {
  const live = <T extends { goneDay?: string }>(items: T[]) => items.filter((item) => !item.goneDay);
  const base = (resourceId: string, accountId: string, region: string) => ({ resourceId, accountId, region });
  const rows: Record<SeededKind, SeededRow[]> = {
    EC2_INSTANCE: live(org.instances).map((i) => ({
      ...base(i.id, i.accountId, i.region),
      kind: "EC2_INSTANCE" as const,
      state: i.state,
      sizeType: i.instanceType,
    })),
    EBS_VOLUME: live(org.volumes).map((v) => ({
      ...base(v.id, v.accountId, v.region),
      kind: "EBS_VOLUME" as const,
      state: v.state,
      sizeType: v.volumeType,
    })),
    RDS_INSTANCE: live(org.dbInstances).map((d) => ({
      ...base(d.identifier, d.accountId, d.region),
      kind: "RDS_INSTANCE" as const,
      state: "available",
      sizeType: d.instanceClass,
    })),
    NAT_GATEWAY: live(org.natGateways).map((n) => ({
      ...base(n.id, n.accountId, n.region),
      kind: "NAT_GATEWAY" as const,
      state: "available",
    })),
  };
  return kinds.flatMap((kind) => rows[kind]);
}
