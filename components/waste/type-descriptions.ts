import type { RecommendationType } from "./recommendation-types";

/** One line under each type's heading: what the rule looks for and what the fix is (DESIGN.md). */
export const typeDescription: Record<RecommendationType, string> = {
  ZOMBIE_INSTANCE:
    "Running instances with almost no CPU and network over the lookback that serve no load balancer, Auto Scaling group or EKS cluster. Fix: delete the aws_instance block.",
  STOPPED_INSTANCE: "Instances stopped for weeks that still pay for their EBS volumes. Fix: delete the block.",
  ORPHAN_VOLUME: "EBS volumes left unattached. Fix: delete the aws_ebs_volume block.",
  IDLE_REPLICA: "RDS read replicas nobody connects to or reads from. Fix: delete the replica's aws_db_instance block.",
  NAT_WASTE:
    "NAT Gateway traffic to S3, DynamoDB, ECR or SSM that VPC endpoints would carry for less, after the endpoints' own cost. Fix: add aws_vpc_endpoint resources.",
  RIGHTSIZING:
    "Instances whose p95 use fits a smaller size in the family (or its Graviton equivalent where marked arm-ready). Fix: change instance_type / instance_class.",
  NON_PROD_ALWAYS_ON:
    "Development and staging running around the clock. Fix: schedule them off 19:00–08:00 on weekdays and all weekend.",
};
