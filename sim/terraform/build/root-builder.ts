// Accumulates one root configuration (envs/<environment>/): its .tf files and, in the same pass, the state
// resources those files declare, so the HCL addresses and the state can never disagree.
import type { Environment, Organisation } from "../../org/model";
import { fnv1a } from "../hash";
import { identifier } from "../hcl/syntax";
import { blank, type HclItem } from "../hcl/render";
import type { StateInstance, StateResource } from "../state-types";

const AWS_PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

export interface ProviderConfig {
  accountId: string;
  region: string;
  /** Undefined for the root's default provider. */
  alias?: string;
}

export class RootBuilder {
  readonly files = new Map<string, HclItem[]>();
  readonly resources: StateResource[] = [];
  readonly providers: ProviderConfig[] = [];
  /** Files to write with CRLF line endings (someone edited them on Windows). */
  readonly crlfFiles = new Set<string>();
  private readonly used = new Set<string>();

  constructor(
    readonly org: Organisation,
    readonly environment: Environment,
  ) {}

  get dir(): string {
    return `envs/${this.environment}`;
  }

  /** Appends top-level items to a file, a blank line between blocks (a comment stays on its block). */
  add(file: string, ...items: HclItem[]): void {
    const body = this.files.get(file) ?? [];
    this.files.set(file, body);
    for (const item of items) {
      const previous = body[body.length - 1];
      if (previous !== undefined && previous.kind !== "comment") body.push(blank);
      body.push(item);
    }
  }

  /** A name unique within a scope ("aws_instance", "module", "local"), derived from a label. */
  uniqueName(scope: string, label: string): string {
    const base = identifier(label);
    let name = base;
    for (let n = 2; this.used.has(`${scope}.${name}`); n++) name = `${base}_${n}`;
    this.used.add(`${scope}.${name}`);
    return name;
  }

  /** The provider for an account and region: the first one met is the default, later ones get aliases. */
  provider(accountId: string, region: string): ProviderConfig {
    const found = this.providers.find((p) => p.accountId === accountId && p.region === region);
    if (found) return found;
    const account = this.org.accounts.find((a) => a.id === accountId);
    const config: ProviderConfig =
      this.providers.length === 0
        ? { accountId, region }
        : { accountId, region, alias: identifier(`${account?.name ?? accountId}_${region}`) };
    this.providers.push(config);
    return config;
  }

  /** `provider = aws.alias` for a resource block, or nothing for the default provider. */
  providerAttr(config: ProviderConfig): HclItem[] {
    return config.alias ? [{ kind: "attr", key: "provider", value: `aws.${config.alias}` }] : [];
  }

  addState(
    config: ProviderConfig,
    address: { module?: string; type: string; name: string },
    instances: StateInstance[],
  ): void {
    this.resources.push({
      ...(address.module ? { module: address.module } : {}),
      mode: "managed",
      type: address.type,
      name: address.name,
      provider: config.alias ? `${AWS_PROVIDER}.${config.alias}` : AWS_PROVIDER,
      instances,
    });
  }
}

export function stateInstance(
  attributes: StateInstance["attributes"],
  indexKey?: string | number,
  schemaVersion = 0,
): StateInstance {
  return {
    ...(indexKey === undefined ? {} : { index_key: indexKey }),
    schema_version: schemaVersion,
    attributes,
    sensitive_attributes: [],
  };
}

/** Whether a resource still exists today (a resource gone by today is no longer in any state). */
export function isLive(resource: { goneDay?: string }, today: string): boolean {
  return resource.goneDay === undefined || resource.goneDay > today;
}

/** A stable bucket in [0, n) for a resource id: how placements are chosen without randomness. */
export function bucketOf(id: string, n: number): number {
  return fnv1a(id) % n;
}

export function squadOf(tags: Record<string, string>): string {
  return tags.team ?? "untagged";
}

export function environmentOf(org: Organisation, accountId: string): Environment | undefined {
  return org.accounts.find((a) => a.id === accountId)?.environment;
}
