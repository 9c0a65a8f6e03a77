// Contracts between the sandbox's HTTP server and the API modules it serves.
//
// AWS APIs live one module a file under sim/apis/aws/ and default-export an AwsApi; the server finds them
// by listing that folder, routes a request to the module whose `signingName` matches the SigV4 credential
// scope of its Authorization header, counts it in /_sim/stats, applies any fault queued for that operation
// in /_sim/faults, and renders thrown SimErrors with the module's own protocol error shape.
// Non-AWS APIs (OpenCost, GitHub) live under sim/apis/http/ and default-export a PathApi mounted on a
// path prefix.
import type { IncomingHttpHeaders } from "node:http";
import type { Organisation } from "../org/model";

export interface SimRequest {
  method: string;
  /** Path below the API's mount point (for AwsApi: the full path), always starting with "/", percent-encoded as on the wire. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** Mutable state shared by all modules of one running sandbox. */
export interface SimContext {
  org: Organisation;
  /** Bare git repository that the GitHub API serves (the generated Terraform repository). */
  repoDir: string;
  /** Base URL the server listens on, e.g. http://127.0.0.1:4510 */
  baseUrl: string;
}

/** An error an API answers with, rendered in the API's own wire shape. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "SimError";
  }
}

export interface AwsApi {
  /** SigV4 signing name in the credential scope: "ce", "ec2", "rds", "monitoring", "pricing", "s3", ... */
  signingName: string;
  /** Label used in stats and fault injection: "costexplorer", "ec2", "rds", "cloudwatch", ... */
  name: string;
  /** The operation a request asks for (X-Amz-Target suffix, query Action, or S3's REST verb). */
  operation(req: SimRequest): string | undefined;
  handle(operation: string, req: SimRequest, ctx: SimContext): SimResponse | Promise<SimResponse>;
  /** Renders an error the way this protocol does (JSON __type, query XML ErrorResponse, S3 Error XML). */
  renderError(error: SimError, req: SimRequest): SimResponse;
}

export interface PathApi {
  /** Mount point, e.g. "/opencost" or "/github". */
  prefix: string;
  /** Label used in stats and fault injection: "opencost", "github". */
  name: string;
  /** The operation a request asks for, e.g. "allocation.compute" or "pulls.create". */
  operation(req: SimRequest): string;
  handle(req: SimRequest, ctx: SimContext): SimResponse | Promise<SimResponse>;
  renderError(error: SimError, req: SimRequest): SimResponse;
}
