// Builds the index from the states and the repository at one commit: every AWS id a state holds, mapped to
// its Terraform address and, where an edit is safe, the file that declares its block.
import type { StateFile, StateInstance, StateResource } from "../state/state-schema";
import type { RepositoryHead, TerraformRepositorySource } from "../repository/repository-source";
import type { IndexEntry, TerraformIndex } from "./index-entry";
import { locateBlock, moduleCallCounts, type Located } from "./locate-block";
import { readConfiguration, type Configuration } from "./read-configuration";
import { resourceReference } from "./resource-reference";

function instanceAddress(resource: StateResource, instance: StateInstance): string {
  const base = `${resource.module ? `${resource.module}.` : ""}${resource.type}.${resource.name}`;
  const key = instance.index_key;
  if (key === undefined) return base;
  return typeof key === "number" ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/** provider["registry.terraform.io/hashicorp/aws"].west -> "aws.west"; the default configuration -> null. */
export function providerReference(provider: unknown): string | null {
  const match = typeof provider === "string" ? /^provider\["(?:[^"]*\/)?([\w-]+)"\]\.([\w-]+)$/.exec(provider) : null;
  return match ? `${match[1]}.${match[2]}` : null;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

interface IdOf {
  awsId: string;
  /** the attribute a reference reads, e.g. "id" or "name" */
  attribute: string;
  /** an expression for the value when it is not an attribute of the resource itself */
  path?: string;
}

/** The AWS ids a state instance stands for: its id, and what recommendations name it by. */
function idsOf(resource: StateResource, instance: StateInstance): IdOf[] {
  const attributes = instance.attributes;
  const ids: IdOf[] = [];
  const id = text(attributes.id);
  if (id) ids.push({ awsId: id, attribute: resource.type === "aws_autoscaling_group" ? "name" : "id" });
  const identifier = text(attributes.identifier);
  if (resource.type === "aws_db_instance" && identifier && identifier !== id)
    ids.push({ awsId: identifier, attribute: "identifier" });
  if (resource.type === "aws_eks_node_group") {
    // the Auto Scaling groups EKS made for the node group: schedules are attached to them
    const groups =
      (attributes.resources as Array<{ autoscaling_groups?: Array<{ name?: unknown }> }> | undefined) ?? [];
    groups.forEach((r, i) =>
      (r.autoscaling_groups ?? []).forEach((g, k) => {
        const name = text(g.name);
        if (name) ids.push({ awsId: name, attribute: "name", path: `resources[${i}].autoscaling_groups[${k}].name` });
      }),
    );
  }
  return ids;
}

/** Inline EBS devices of an instance: the volume is declared inside the instance's block. */
function inlineVolumes(instance: StateInstance): string[] {
  const devices = (instance.attributes.ebs_block_device as Array<{ volume_id?: unknown }> | undefined) ?? [];
  return devices.map((d) => text(d.volume_id)).filter((v): v is string => v !== undefined);
}

function entryFor(
  configuration: Configuration,
  stateFile: StateFile,
  resource: StateResource,
  instance: StateInstance,
  located: Located,
  id: IdOf,
): IndexEntry {
  const indexKey = instance.index_key ?? null;
  const reference = resourceReference(
    configuration,
    {
      modulePath: resource.module ?? null,
      moduleDir: located.moduleDir,
      type: resource.type,
      name: resource.name,
      indexKey,
    },
    id.path ?? id.attribute,
  );
  return {
    awsId: id.awsId,
    address: instanceAddress(resource, instance),
    modulePath: resource.module ?? null,
    type: resource.type,
    name: resource.name,
    indexKey,
    rootModule: stateFile.rootModule,
    file: located.ok ? located.file : null,
    refusal: located.ok ? null : { code: located.code, reason: located.reason },
    reference,
    provider: providerReference(resource.provider),
  };
}

export function indexStates(configuration: Configuration, states: StateFile[]): Record<string, IndexEntry> {
  const callCounts = moduleCallCounts(configuration);
  const entries: Record<string, IndexEntry> = {};
  const add = (entry: IndexEntry) => {
    entries[entry.awsId] ??= entry;
  };
  for (const stateFile of states) {
    for (const resource of stateFile.state.resources) {
      if (resource.mode !== "managed") continue;
      const keyed = resource.instances.some((i) => i.index_key !== undefined);
      const located = locateBlock(configuration, callCounts, {
        rootModule: stateFile.rootModule,
        modulePath: resource.module ?? null,
        type: resource.type,
        name: resource.name,
        keyed,
      });
      for (const instance of resource.instances) {
        for (const id of idsOf(resource, instance))
          add(entryFor(configuration, stateFile, resource, instance, located, id));
        for (const volumeId of inlineVolumes(instance)) {
          const owner = entryFor(configuration, stateFile, resource, instance, located, {
            awsId: volumeId,
            attribute: "id",
          });
          add({
            ...owner,
            file: null,
            reference: null,
            refusal: {
              code: "block-not-found",
              reason: `The volume is an ebs_block_device inside ${owner.address}, not a block of its own: removing it means editing that instance by hand.`,
            },
          });
        }
      }
    }
  }
  return entries;
}

export async function buildTerraformIndex(
  source: TerraformRepositorySource,
  head: RepositoryHead,
  states: StateFile[],
  stateFingerprint: string,
): Promise<TerraformIndex> {
  const configuration = await readConfiguration(source, head.sha);
  return {
    branch: head.branch,
    commitSha: head.sha,
    stateFingerprint,
    rootModules: states.map((s) => s.rootModule),
    entries: indexStates(configuration, states),
  };
}
