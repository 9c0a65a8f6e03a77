// The parts of OpenCost's /allocation answer that CostLens stores, as zod schemas.
import { z } from "zod";

const cost = z.number().finite("expected a finite number");

export const allocation = z.object({
  name: z.string(),
  properties: z
    .object({
      cluster: z.string().optional(),
      namespace: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
      namespaceLabels: z.record(z.string(), z.string()).optional(),
    })
    .default({}),
  window: z.object({ start: z.string(), end: z.string() }),
  cpuCost: cost,
  ramCost: cost,
  pvCost: cost.default(0),
  networkCost: cost.default(0),
  loadBalancerCost: cost.default(0),
  sharedCost: cost.default(0),
  totalCost: cost,
  cpuEfficiency: cost.optional(),
  ramEfficiency: cost.optional(),
});

export type Allocation = z.infer<typeof allocation>;

export const allocationResponse = z.object({
  code: z.number(),
  data: z.array(z.record(z.string(), allocation).nullable()),
});
