// The sandbox's own endpoints under /_sim: ground truth, request stats, fault injection and the clock.
// Tests and benchmarks use them; nothing in lib/ or jobs/ may.
import { addDays } from "../org/days";
import { headlineFigures } from "../org/headline-figures";
import { parseFault, type FaultQueue } from "./faults";
import type { RequestStats } from "./stats";
import type { SimContext, SimRequest, SimResponse } from "./types";

export interface ControlState {
  ctx: SimContext;
  stats: RequestStats;
  faults: FaultQueue;
}

function json(status: number, body: unknown): SimResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function readJson(req: SimRequest): unknown {
  const text = req.body.toString("utf8").trim();
  return text === "" ? {} : JSON.parse(text);
}

function advanceClock(state: ControlState, input: unknown): SimResponse {
  const days = (input as { advanceDays?: unknown } | null)?.advanceDays;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 0 || days > 400) {
    return json(400, { error: "advanceDays must be an integer 0..400" });
  }
  state.ctx.org.today = addDays(state.ctx.org.today, days);
  return json(200, { today: state.ctx.org.today, start: state.ctx.org.start });
}

export function handleControl(state: ControlState, req: SimRequest): SimResponse {
  const { org } = state.ctx;
  const route = `${req.method} ${req.path.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /_sim/truth":
        return json(200, {
          seed: org.seed,
          scale: org.scale,
          start: org.start,
          today: org.today,
          headline: headlineFigures(org),
          planted: org.planted,
          decoys: org.decoys,
        });
      case "GET /_sim/stats":
        return json(200, state.stats.read());
      case "POST /_sim/stats/reset":
        state.stats.reset();
        return json(200, state.stats.read());
      case "GET /_sim/faults":
        return json(200, { faults: state.faults.list() });
      case "POST /_sim/faults": {
        const fault = parseFault(readJson(req));
        state.faults.add(fault);
        return json(200, { queued: fault, faults: state.faults.list() });
      }
      case "DELETE /_sim/faults":
        state.faults.clear();
        return json(200, { faults: [] });
      case "GET /_sim/clock":
        return json(200, { today: org.today, start: org.start });
      case "POST /_sim/clock":
        return advanceClock(state, readJson(req));
      default:
        return json(404, { error: `no sandbox route ${route}` });
    }
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
