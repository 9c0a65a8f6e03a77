// Plain `resource "aws_instance"` blocks, most standalone instances: deleting one block removes exactly one
// instance (and its data volumes, declared inline with delete-on-termination).
import type { Ec2Instance } from "../../org/model";
import { attr, blank, block, comment, multi, type HclItem } from "../hcl/render";
import { str, tagLines } from "../hcl/syntax";
import { type AttachedVolume, instanceStateAttributes, labelOf, subnetRef } from "./instance-parts";
import type { VpcRefs } from "./network";
import { type RootBuilder, bucketOf } from "./root-builder";

export function addPlainInstance(
  root: RootBuilder,
  file: string,
  instance: Ec2Instance,
  volumes: AttachedVolume[],
  refs: Map<string, VpcRefs>,
): void {
  const config = root.provider(instance.accountId, instance.region);
  const name = root.uniqueName("aws_instance", labelOf(instance, "instance"));
  const flavour = bucketOf(`flavour:${instance.id}`, 4);
  const items: HclItem[] = [
    ...(config.alias ? [...root.providerAttr(config), blank] : []),
    attr("ami", `var.ami_ids[${str(instance.architecture)}]`),
    attr("instance_type", str(instance.instanceType)),
    attr("subnet_id", subnetRef(instance, refs)),
    blank,
    block("metadata_options", [attr("http_tokens", str("required"))]),
    blank,
    block("root_block_device", [attr("volume_size", "20"), attr("volume_type", str("gp3"))]),
  ];
  for (const { volume, device } of volumes) {
    items.push(
      blank,
      block("ebs_block_device", [
        attr("device_name", str(device)),
        attr("volume_size", String(volume.sizeGiB)),
        attr("volume_type", str(volume.volumeType)),
      ]),
    );
  }
  if (flavour === 0) items.push(blank, multi("user_data", userData(instance)));
  if (flavour === 1) {
    items.push(
      blank,
      comment("/* The AMI is rotated by the golden-image pipeline, not by Terraform:"),
      comment("   a plan must never replace the instance for that. */"),
      block("lifecycle", [attr("ignore_changes", "[ami, user_data]")]),
    );
  }
  items.push(blank, multi("tags", tagLines(instance.tags)));
  const note = comment(`// Launched for ${instance.tags.team ?? "an unknown team"}; see the runbook.`);
  const resource = block(`resource "aws_instance" ${str(name)}`, items);
  if (flavour === 2) root.add(file, note, resource);
  else root.add(file, resource);
  root.addState(config, { type: "aws_instance", name }, [
    { schema_version: 1, attributes: instanceStateAttributes(instance, volumes), sensitive_attributes: [] },
  ]);
}

/** A bootstrap script: a heredoc with braces, an escaped interpolation and a nested heredoc marker. */
function userData(instance: Ec2Instance): string[] {
  const team = instance.tags.team ?? "platform";
  return [
    "<<-EOT",
    "  #!/bin/bash",
    "  # Register with the service catalogue before the load balancer sends traffic.",
    "  mkdir -p /etc/acme",
    "  cat > /etc/acme/service.json <<'JSON'",
    `  { "team": "${team}", "checks": { "http": "/healthz" } }`,
    "  JSON",
    '  echo "host $${HOSTNAME} ready" >> /var/log/bootstrap.log',
    "EOT",
  ];
}
