import type { DetectionGapsSummary } from "@/lib/queries/detection-gaps";
import { formatDateTime } from "@/lib/format/dates";
import { Table, Td, Th } from "../ui/table";
import { typeLabel } from "./recommendation-types";

/**
 * The resources the last detection run could not judge, per type, and why (metrics or a price missing).
 * They are not findings and carry no saving; each type's list opens in place (a native disclosure, so it
 * works with the keyboard and without JavaScript).
 */
export function NotJudgedByType({ gaps }: { gaps: DetectionGapsSummary }) {
  if (gaps.total === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every resource the detectors look at had the metrics and prices they need.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <Table caption="Resources the detectors could not judge, by type">
        <thead>
          <tr>
            <Th>Type</Th>
            <Th numeric>Not judged</Th>
            <Th>Last run</Th>
          </tr>
        </thead>
        <tbody>
          {gaps.byType.map((row) => (
            <tr key={row.type}>
              <Td>{typeLabel(row.type)}</Td>
              <Td numeric>{row.count.toLocaleString("en-US")}</Td>
              <Td>{formatDateTime(new Date(row.detectedAt))}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {gaps.byType.map((row) => (
        <details
          key={row.type}
          className="rounded-xl border border-slate-200 bg-white px-4 py-2 text-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <summary className="cursor-pointer font-medium">
            {typeLabel(row.type)}: {row.count.toLocaleString("en-US")} not judged, and why
          </summary>
          <ul className="mt-2 space-y-1.5">
            {row.items.map((item) => (
              <li key={`${item.accountId}|${item.region}|${item.resourceId}`}>
                <span className="font-mono text-xs">{item.resourceId}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  {" "}
                  ({item.accountId || "account unknown"}, {item.region || "region unknown"}): {item.reason}
                </span>
              </li>
            ))}
          </ul>
          {row.count > row.items.length && (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Showing the first {row.items.length.toLocaleString("en-US")} of {row.count.toLocaleString("en-US")}.
            </p>
          )}
        </details>
      ))}
    </div>
  );
}
