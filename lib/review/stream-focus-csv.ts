// The month's allocated cost as a FOCUS CSV, produced in pages (keyset on the row id) so a month at scale
// streams out without being held in memory.
import { buildCsv, csvField } from "../csv/build-csv";
import type { PrismaClient } from "../db/generated/client";
import { fromIsoDay, toIsoDay } from "../format/dates";
import { FOCUS_HEADER, focusValues, toFocusRow, type AllocatedCostRow } from "./focus-columns";
import type { MonthBounds } from "./review-month";

export const FOCUS_PAGE_SIZE = 5000;

type Row = Omit<AllocatedCostRow, "day" | "amount"> & { id: bigint; day: Date; amount: string };

/** The CSV as chunks: the header line first, then one chunk per page of rows. */
export async function* focusCsvChunks(
  prisma: PrismaClient,
  month: MonthBounds,
  pageSize = FOCUS_PAGE_SIZE,
): AsyncGenerator<string> {
  yield buildCsv(FOCUS_HEADER, []);
  let after = -1n;
  for (;;) {
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT a.id, a.day, a.owner_type::text AS "ownerType", a.squad, a.account_id AS "accountId",
             c.name AS "accountName", a.service, a.cluster, a.namespace, a.rule, a.amount::text AS amount
      FROM allocated_cost_daily a LEFT JOIN cloud_accounts c ON c.id = a.account_id
      WHERE a.day >= ${fromIsoDay(month.from)}::date AND a.day < ${fromIsoDay(month.to)}::date AND a.id > ${after}
      ORDER BY a.id
      LIMIT ${pageSize}`;
    if (rows.length === 0) return;
    yield rows
      .map((row) => {
        const values = focusValues(toFocusRow({ ...row, day: toIsoDay(row.day) }, month));
        return `${values.map(csvField).join(",")}\r\n`;
      })
      .join("");
    after = rows.at(-1)!.id;
    if (rows.length < pageSize) return;
  }
}

/** The chunks as a byte stream for a Response body; a failure mid-stream is logged and aborts the body. */
export function focusCsvStream(prisma: PrismaClient, month: MonthBounds): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = focusCsvChunks(prisma, month);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error(`[costlens] FOCUS export of ${month.month} failed mid-stream:`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
