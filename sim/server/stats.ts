// Request counts per API and operation (Cost Explorer charges $0.01 a request, so our count is a cost).
export interface ApiStats {
  total: number;
  operations: Record<string, number>;
}

export interface StatsSnapshot {
  total: number;
  faulted: number;
  apis: Record<string, ApiStats>;
}

export class RequestStats {
  private snapshot: StatsSnapshot = { total: 0, faulted: 0, apis: {} };

  record(api: string, operation: string): void {
    const entry = (this.snapshot.apis[api] ??= { total: 0, operations: {} });
    entry.total += 1;
    entry.operations[operation] = (entry.operations[operation] ?? 0) + 1;
    this.snapshot.total += 1;
  }

  recordFault(): void {
    this.snapshot.faulted += 1;
  }

  reset(): void {
    this.snapshot = { total: 0, faulted: 0, apis: {} };
  }

  read(): StatsSnapshot {
    return structuredClone(this.snapshot);
  }
}
