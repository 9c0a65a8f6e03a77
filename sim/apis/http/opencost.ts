// OpenCost's allocation API (`/allocation/compute` and `/allocation`), mounted at /opencost, in OpenCost's
// own response shape: { code: 200, data: [ { "<name>": allocation, ... }, ... one set per step ] }.
import type { Organisation } from "../../org/model";
import { SimError, type PathApi, type SimRequest, type SimResponse } from "../../server/types";
import { allocationSets, type AggregateBy, type AllocationQuery } from "./opencost/allocation-sets";
import { parseDays, parseWindow } from "./opencost/window";

function json(status: number, body: unknown): SimResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function flag(req: SimRequest, names: string[], fallback: boolean): boolean {
  for (const name of names) {
    const value = req.query.get(name);
    if (value === null) continue;
    if (value === "true") return true;
    if (value === "false") return false;
    throw new SimError("BadRequest", `${name} must be true or false`, 400);
  }
  return fallback;
}

function parseAggregate(text: string | null): AggregateBy[] {
  if (!text) return [];
  return text.split(",").map((part): AggregateBy => {
    const value = part.trim();
    if (value === "cluster" || value === "namespace") return { kind: value };
    if (value.startsWith("label:") && value.length > "label:".length)
      return { kind: "label", label: value.slice("label:".length) };
    throw new SimError("BadRequest", `aggregate ${value} is not supported (cluster, namespace, label:<name>)`, 400);
  });
}

/** /allocation includes idle unless told otherwise; /allocation/compute leaves it out unless asked. */
function parseQuery(req: SimRequest, org: Organisation, compute: boolean): AllocationQuery {
  const step = req.query.get("step");
  return {
    window: parseWindow(req.query.get("window"), org.today),
    ...(step ? { stepDays: parseDays(step, "step") } : {}),
    accumulate: flag(req, ["accumulate"], false),
    aggregate: parseAggregate(req.query.get("aggregate")),
    includeIdle: flag(req, compute ? ["includeIdle", "idle"] : ["idle", "includeIdle"], !compute),
    shareIdle: flag(req, ["shareIdle"], false),
    splitIdle: flag(req, ["splitIdle"], false),
  };
}

function operationOf(req: SimRequest): string {
  const path = req.path.replace(/\/+$/, "");
  if (path === "/allocation/compute") return "allocation.compute";
  if (path === "/allocation") return "allocation";
  return "unknown";
}

const opencost: PathApi = {
  prefix: "/opencost",
  name: "opencost",
  operation: operationOf,
  handle(req, ctx) {
    const operation = operationOf(req);
    if (operation === "unknown") throw new SimError("NotFound", `404 page not found: ${req.path}`, 404);
    if (req.method !== "GET") throw new SimError("MethodNotAllowed", `${req.method} is not allowed`, 405);
    const query = parseQuery(req, ctx.org, operation === "allocation.compute");
    return json(200, { code: 200, data: allocationSets(ctx.org, query) });
  },
  renderError: (error) =>
    json(error.status, { code: error.status, status: "error", data: null, message: error.message }),
};

export default opencost;
