// The region a signed AWS request is addressed to, from its SigV4 credential scope
// (`Credential=AKID/20261125/eu-west-1/ec2/aws4_request`). Inventory and metrics are regional, so the
// sandbox answers each request with the resources of that region only, as AWS does.
import type { Organisation } from "../org/model";
import type { SimRequest } from "../server/types";

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

export function requestRegion(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.match(SCOPE)?.[1] ?? req.query.get("X-Amz-Credential")?.split("/")[2];
}

/** The request's region, or the organisation's first region for an unsigned or presigned-less request. */
export function regionOf(req: SimRequest, org: Pick<Organisation, "regions">): string {
  return requestRegion(req) ?? org.regions[0] ?? "us-east-1";
}
