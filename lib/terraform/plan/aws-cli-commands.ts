// The AWS CLI command that makes the same fix by hand, for resources Terraform does not manage. Values are
// AWS ids and sizes from the inventory; they are quoted for a POSIX shell all the same.
import type { FixInput } from "./fix-input";

const shell = (value: string) => (/^[\w.:/@=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

function command(parts: string[], region: string): string {
  return [...parts, "--region", region].map(shell).join(" ");
}

const GATEWAY_SERVICES = new Set(["s3", "dynamodb"]);

function endpointCommands(input: FixInput): string[] {
  const target = input.fixTarget;
  if (target?.kind !== "vpc-endpoints") return [];
  return target.services.map((service) => {
    const common = ["aws", "ec2", "create-vpc-endpoint", "--vpc-id", target.vpcId];
    const name = `com.amazonaws.${input.region}.${service}`;
    return GATEWAY_SERVICES.has(service)
      ? command(
          [
            ...common,
            "--vpc-endpoint-type",
            "Gateway",
            "--service-name",
            name,
            "--route-table-ids",
            ...target.routeTableIds,
          ],
          input.region,
        )
      : command(
          [
            ...common,
            "--vpc-endpoint-type",
            "Interface",
            "--service-name",
            name,
            "--subnet-ids",
            ...target.subnetIds,
            ...(target.securityGroupIds?.length ? ["--security-group-ids", ...target.securityGroupIds] : []),
            "--private-dns-enabled",
          ],
          input.region,
        );
  });
}

function scheduleCommands(input: FixInput): string[] {
  const target = input.fixTarget;
  if (target?.kind !== "schedule") return [];
  const zone = target.timeZone ? ["--time-zone", target.timeZone] : [];
  return target.autoScalingGroupNames.flatMap((group) => [
    command(
      [
        "aws",
        "autoscaling",
        "put-scheduled-update-group-action",
        "--auto-scaling-group-name",
        group,
        "--scheduled-action-name",
        "costlens-off-hours-stop",
        "--recurrence",
        `0 ${target.offHoursStart} * * 1-5`,
        ...zone,
        "--min-size",
        "0",
        "--max-size",
        "0",
        "--desired-capacity",
        "0",
      ],
      input.region,
    ),
    command(
      [
        "aws",
        "autoscaling",
        "put-scheduled-update-group-action",
        "--auto-scaling-group-name",
        group,
        "--scheduled-action-name",
        "costlens-office-hours-start",
        "--recurrence",
        `0 ${target.offHoursEnd} * * 1-5`,
        ...zone,
        "--min-size",
        String(target.minSize),
        "--max-size",
        String(target.maxSize),
        "--desired-capacity",
        String(target.desiredCapacity),
      ],
      input.region,
    ),
  ]);
}

function resizeCommands(input: FixInput): string[] {
  const target = input.fixTarget;
  if (target?.kind !== "resize") return [];
  if (target.attribute === "instance_class")
    return [
      command(
        [
          "aws",
          "rds",
          "modify-db-instance",
          "--db-instance-identifier",
          input.resourceId,
          "--db-instance-class",
          target.to,
          "--apply-immediately",
        ],
        input.region,
      ),
    ];
  return [
    command(["aws", "ec2", "stop-instances", "--instance-ids", input.resourceId], input.region),
    command(["aws", "ec2", "wait", "instance-stopped", "--instance-ids", input.resourceId], input.region),
    command(
      [
        "aws",
        "ec2",
        "modify-instance-attribute",
        "--instance-id",
        input.resourceId,
        "--instance-type",
        `Value=${target.to}`,
      ],
      input.region,
    ),
    command(["aws", "ec2", "start-instances", "--instance-ids", input.resourceId], input.region),
  ];
}

/** The commands, one a line, that apply the recommendation's fix directly with the AWS CLI. */
export function awsCliCommands(input: FixInput): string[] {
  switch (input.type) {
    case "ZOMBIE_INSTANCE":
    case "STOPPED_INSTANCE":
      return [command(["aws", "ec2", "terminate-instances", "--instance-ids", input.resourceId], input.region)];
    case "ORPHAN_VOLUME":
      return [command(["aws", "ec2", "delete-volume", "--volume-id", input.resourceId], input.region)];
    case "IDLE_REPLICA":
      return [
        command(
          ["aws", "rds", "delete-db-instance", "--db-instance-identifier", input.resourceId, "--skip-final-snapshot"],
          input.region,
        ),
      ];
    case "RIGHTSIZING":
      return resizeCommands(input);
    case "NAT_WASTE":
      return endpointCommands(input);
    case "NON_PROD_ALWAYS_ON":
      return scheduleCommands(input);
  }
}
