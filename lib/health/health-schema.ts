import { z } from "zod";

/** The shape of GET /api/health, checked in the browser before it is shown. */
export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.object({
    reachable: z.boolean(),
    mode: z.enum(["postgres", "embedded"]).optional(),
    latencyMs: z.number().optional(),
    problem: z.string().optional(),
  }),
  jobs: z.array(z.object({ job: z.string(), lastSuccessAt: z.string() })),
  checkedAt: z.string(),
});

export type Health = z.infer<typeof healthSchema>;
