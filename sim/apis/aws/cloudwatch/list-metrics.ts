// ListMetrics: the metrics with data in the last two weeks (AWS's rule), filtered by namespace, name and
// dimensions (a dimension filter without a value matches any value), 500 a page as in AWS.
import { z } from "zod";
import type { Organisation } from "../../../org/model";
import { dayStartSeconds } from "../../../org/resource-times";
import { pageOf } from "../../../protocols/paging";
import { SimError } from "../../../server/types";
import { regionMetrics } from "./metric-catalog";

const PAGE_SIZE = 500;
const TWO_WEEKS = 14 * 86_400;

const input = z.object({
  Namespace: z.string().min(1).optional(),
  MetricName: z.string().min(1).optional(),
  Dimensions: z
    .array(z.object({ Name: z.string().min(1), Value: z.string().optional() }))
    .max(10)
    .optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.literal("PT3H").optional(),
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

export function listMetrics(body: Record<string, unknown>, org: Organisation, region: string) {
  const parsed = input.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new SimError("InvalidParameterValue", message);
  }
  const { NextToken, ...filters } = parsed.data;
  const now = dayStartSeconds(org.today);
  const since = now - (filters.RecentlyActive ? 3 * 3600 : TWO_WEEKS);
  const metrics = regionMetrics(org, region).filter(
    (m) =>
      m.window.end > since &&
      (!filters.Namespace || m.namespace === filters.Namespace) &&
      (!filters.MetricName || m.metricName === filters.MetricName) &&
      (filters.Dimensions ?? []).every((f) =>
        m.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)),
      ),
  );
  const invalid = new SimError("InvalidNextToken", "The service returned an invalid NextToken.");
  const page = pageOf(metrics, NextToken, PAGE_SIZE, JSON.stringify(filters), invalid);
  return {
    Metrics: page.items.map((m) => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions })),
    NextToken: page.nextToken,
  };
}
