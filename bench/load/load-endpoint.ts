// One endpoint under load: autocannon with C connections for D seconds; every response's latency is kept
// so p50/p95/p99 are exact (autocannon's own summary has no p95). Errors are transport errors, timeouts
// and non-2xx answers.
import autocannon from "autocannon";
import { percentile } from "../ingested-sandbox";

export interface LoadFigures {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errorRate: number;
  serverErrors: number;
}

export function loadEndpoint(options: {
  label: string;
  origin: string;
  paths: string[];
  connections: number;
  seconds: number;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        requests: options.paths.map((path) => ({ method: "GET", path })),
      },
      (error, result) => {
        if (error) return reject(error);
        const answered = latencies.length;
        const failed = result.errors + result.timeouts + result.non2xx;
        resolve({
          label: options.label,
          requests: answered,
          perSecond: answered / options.seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errorRate: failed / Math.max(1, answered + result.errors + result.timeouts),
          serverErrors: result["5xx"],
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

export function formatFigures(figures: LoadFigures, baseline?: LoadFigures): string {
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  const ratio = baseline ? `   p99 ${(figures.p99 / baseline.p99).toFixed(1).padStart(5)}x baseline` : "";
  return (
    `  ${figures.label.padEnd(40)} ${figures.perSecond.toFixed(0).padStart(6)} req/s  p50 ${ms(figures.p50)}` +
    `  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}  errors ${(figures.errorRate * 100).toFixed(2).padStart(5)}%` +
    ratio
  );
}
