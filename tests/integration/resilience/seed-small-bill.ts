// A small allocated bill (four days, two squads, shared and unallocated spend) for tests that need the
// spend API to answer with data.
import { runAllocation } from "@/lib/allocation/run-allocation";
import type { PrismaClient } from "@/lib/db/generated/client";

export const SMALL_BILL_DAYS = ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"];

export async function seedSmallBill(prisma: PrismaClient) {
  await prisma.costDaily.createMany({
    data: SMALL_BILL_DAYS.flatMap((day) =>
      [
        { accountId: "111111111111", service: "Amazon S3", teamTag: "checkout", amount: "10.25" },
        { accountId: "111111111111", service: "AWS Lambda", teamTag: "search", amount: "2" },
        { accountId: "222222222222", service: "AWS Support (Business)", teamTag: "", amount: "3" },
      ].map(({ amount, ...row }) => ({ ...row, day: new Date(day), unblendedCost: amount, amortizedCost: amount })),
    ),
  });
  await runAllocation({
    prisma,
    runId: "fixture",
    signal: new AbortController().signal,
    log: () => {},
    progress: () => {},
    countRows: () => {},
  });
}
