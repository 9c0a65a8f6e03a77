// The AWS SDK clients CostLens uses, configured one way for real AWS and the sandbox alike: credentials
// from the standard chain, endpoints from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> (read by the SDK
// itself), throttling handled by the SDK's standard retry with backoff.
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { PricingClient } from "@aws-sdk/client-pricing";
import { RDSClient } from "@aws-sdk/client-rds";
import { countRequests, type RequestCounter } from "./request-counter";

export interface AwsClientOptions {
  region: string;
  /** attempts per call, first try included; throttled calls back off exponentially between them */
  maxAttempts?: number;
  counter?: RequestCounter;
}

function common(options: AwsClientOptions) {
  return { region: options.region, maxAttempts: options.maxAttempts ?? 6, retryMode: "standard" as const };
}

/** Cost Explorer's only endpoint is in us-east-1, whatever region the rest of the account uses. */
export function createCostExplorerClient(options: AwsClientOptions) {
  const client = new CostExplorerClient({ ...common(options), region: "us-east-1" });
  if (options.counter) countRequests(client, options.counter);
  return client;
}

export function createEc2Client(options: AwsClientOptions) {
  const client = new EC2Client(common(options));
  if (options.counter) countRequests(client, options.counter);
  return client;
}

export function createRdsClient(options: AwsClientOptions) {
  const client = new RDSClient(common(options));
  if (options.counter) countRequests(client, options.counter);
  return client;
}

export function createCloudWatchClient(options: AwsClientOptions) {
  const client = new CloudWatchClient(common(options));
  if (options.counter) countRequests(client, options.counter);
  return client;
}

export function createElbv2Client(options: AwsClientOptions) {
  const client = new ElasticLoadBalancingV2Client(common(options));
  if (options.counter) countRequests(client, options.counter);
  return client;
}

export function createAutoScalingClient(options: AwsClientOptions) {
  const client = new AutoScalingClient(common(options));
  if (options.counter) countRequests(client, options.counter);
  return client;
}

/** The Price List API answers from us-east-1 for every region's prices. */
export function createPricingClient(options: AwsClientOptions) {
  const client = new PricingClient({ ...common(options), region: "us-east-1" });
  if (options.counter) countRequests(client, options.counter);
  return client;
}
