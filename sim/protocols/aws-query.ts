// The AWS query protocols: a form-urlencoded request (`Action`, `Version`, flattened parameters) answered
// with XML. EC2's dialect lists as `Filter.1.Value.1` and answers `<XResponse><requestId>`; the classic
// dialect (RDS, ELBv2, Auto Scaling) lists as `Names.member.1` or `Filters.Filter.1.Values.Value.1` and
// wraps its answer in `<XResult>` plus `<ResponseMetadata>`. Their error documents differ as well.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SimRequest, SimResponse } from "../server/types";
import { SimError } from "../server/types";
import { throttlingAs } from "./throttling";
import { escapeXml, xmlDocument, type XmlTree } from "./xml";

const EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
const PAGING_PARAMETERS = new Set(["Action", "Version", "NextToken", "Marker", "MaxResults", "MaxRecords", "PageSize"]);

/** A view of the flattened request parameters, optionally below a prefix such as `Filter.2.`. */
export class QueryParams {
  private constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly prefix: string,
  ) {}

  /** Parameters from the URL query and the form body (the SDK POSTs them; a GET carries them in the URL). */
  static fromRequest(req: SimRequest): QueryParams {
    const values = new Map<string, string>(req.query);
    for (const [key, value] of new URLSearchParams(req.body.toString("utf8"))) values.set(key, value);
    return new QueryParams(values, "");
  }

  get(name: string): string | undefined {
    return this.values.get(this.prefix + name);
  }

  /** An integer parameter within [min, max]; anything else is the protocol's validation error. */
  int(name: string, min: number, max: number, code = "InvalidParameterValue"): number | undefined {
    const raw = this.get(name);
    if (raw === undefined) return undefined;
    const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
    if (!parsed.success) {
      const expected = `Expected an integer from ${min} to ${max}.`;
      throw new SimError(code, `Value (${raw}) for parameter ${name} is invalid. ${expected}`);
    }
    return parsed.data;
  }

  bool(name: string): boolean | undefined {
    const raw = this.get(name);
    return raw === undefined ? undefined : raw === "true";
  }

  /** The keys `name.N` or `name.<Wrapper>.N` (`member`, `Filter`, `Value`, ...), in index order. */
  private indexed(name: string): string[] {
    const head = `${this.prefix}${name}.`;
    const pattern = /^(?:([A-Za-z]+)\.)?(\d+)(?:\.|$)/;
    const found = new Map<number, string>();
    for (const key of this.values.keys()) {
      if (!key.startsWith(head)) continue;
      const match = pattern.exec(key.slice(head.length));
      if (!match?.[2]) continue;
      const wrapper = match[1] ? `${match[1]}.` : "";
      found.set(Number(match[2]), `${head}${wrapper}${match[2]}`);
    }
    return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, key]) => key);
  }

  /** A list of strings: `InstanceId.1=..` or `Names.member.1=..`. */
  list(name: string): string[] {
    return this.indexed(name).flatMap((key) => this.values.get(key) ?? []);
  }

  /** A list of structures: `Filter.1.Name=..` yields a view where `get("Name")` reads it. */
  structs(name: string): QueryParams[] {
    return this.indexed(name).map((key) => new QueryParams(this.values, `${key}.`));
  }

  /** Canonical text of every parameter except the paging ones: what a page token is bound to. */
  requestKey(): string {
    return [...this.values.entries()]
      .filter(([key]) => !PAGING_PARAMETERS.has(key))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key}=${value}`)
      .join("&");
  }
}

/**
 * The `Action` of a request for the API of this `Version` (which every SDK sends): a request carrying
 * another API's version is not this API's, which lets an unsigned request be refused in its own shape.
 */
export function queryAction(req: SimRequest, version: string): string | undefined {
  const params = QueryParams.fromRequest(req);
  const requested = params.get("Version");
  return requested === undefined || requested === version ? params.get("Action") : undefined;
}

function xmlResponse(body: string, status = 200): SimResponse {
  return { status, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
}

/** An EC2 answer: `<{Action}Response xmlns=...><requestId>..</requestId>{tree}</{Action}Response>`. */
export function ec2Response(action: string, tree: XmlTree): SimResponse {
  return xmlResponse(xmlDocument(`${action}Response`, EC2_NAMESPACE, { requestId: randomUUID(), ...tree }));
}

/** A classic query answer: the tree sits in `<{Action}Result>`, the request id in `<ResponseMetadata>`. */
export function queryResponse(action: string, namespace: string, result: XmlTree): SimResponse {
  return xmlResponse(
    xmlDocument(`${action}Response`, namespace, {
      [`${action}Result`]: result,
      ResponseMetadata: { RequestId: randomUUID() },
    }),
  );
}

/** EC2 error document; a throttling fault is always RequestLimitExceeded, EC2's name for it. */
export function renderEc2Error(error: SimError): SimResponse {
  const code = throttlingAs(error.code, "RequestLimitExceeded");
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`;
  return xmlResponse(body, error.status);
}

/** Classic query error document (RDS, ELBv2, Auto Scaling); a throttling fault is `Throttling`. */
export function renderQueryError(error: SimError, namespace: string): SimResponse {
  const code = throttlingAs(error.code, "Throttling");
  const type = error.status >= 500 ? "Receiver" : "Sender";
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  return xmlResponse(body, error.status);
}
