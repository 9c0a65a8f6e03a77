// The S3 client that reads the Terraform backend's state, configured like the other AWS clients
// (lib/aws/aws-clients.ts): standard credential chain, AWS_ENDPOINT_URL honoured by the SDK itself,
// standard retries. The SDK addresses an IP endpoint (the sandbox) path-style on its own.
import { S3Client } from "@aws-sdk/client-s3";
import type { AwsClientOptions } from "../../aws/aws-clients";
import { countRequests } from "../../aws/request-counter";

export function createS3Client(options: AwsClientOptions): S3Client {
  const client = new S3Client({ region: options.region, maxAttempts: options.maxAttempts ?? 6, retryMode: "standard" });
  if (options.counter) countRequests(client, options.counter);
  return client;
}
