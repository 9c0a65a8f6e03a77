import Link from "next/link";
import { formatUsd } from "@/lib/format/money";
import { Table, Td, Th } from "../ui/table";
import { typeLabel, wasteTypeHref, type RecommendationType } from "./recommendation-types";
import { compareDecimals } from "./sort-recommendations";

export interface SavingRow {
  count: number;
  monthlySaving: string;
}
export interface TypeSavingRow extends SavingRow {
  type: RecommendationType;
  /** the type's own total, resources it shares with another type included */
  grossMonthlySaving: string;
}
export interface SquadSavingRow extends SavingRow {
  squad: string | null;
}

/** Share of the total as a width for the inline bar (drawing only: the figure shown stays exact). */
function share(amount: string, total: string): number {
  const whole = Number(total);
  return whole > 0 ? Math.max(0, Math.min(100, (Number(amount) / whole) * 100)) : 0;
}

function ShareBar({ amount, total }: { amount: string; total: string }) {
  return (
    <div aria-hidden="true" className="h-2 w-full min-w-24 rounded-full bg-slate-100 dark:bg-slate-800">
      <div className="h-2 rounded-full bg-brand-500" style={{ width: `${share(amount, total)}%` }} />
    </div>
  );
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

/**
 * Monthly saving by type, largest first; each type links to its list (keeping the squad filter). A resource
 * two detectors flag counts once, under the type with the larger saving, so the rows add up to the total;
 * the last column is each type's own total, overlaps included.
 */
export function SavingByType({
  rows,
  total,
  squad,
  selectedType,
}: {
  rows: TypeSavingRow[];
  total: string;
  squad: string | null;
  selectedType: RecommendationType | null;
}) {
  const sorted = [...rows].sort((a, b) => compareDecimals(b.monthlySaving, a.monthlySaving));
  return (
    <Table caption={`Monthly saving by type${squad ? ` for ${squad}` : ""}`}>
      <thead>
        <tr>
          <Th>Type</Th>
          <Th numeric>Resources</Th>
          <Th>Share</Th>
          <Th numeric>Monthly saving</Th>
          <Th numeric>Incl. overlaps</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.type} className={row.type === selectedType ? "bg-brand-50 dark:bg-slate-800" : undefined}>
            <Td>
              <Link href={wasteTypeHref(row.type, { squad })} className={linkClass}>
                {typeLabel(row.type)}
              </Link>
            </Td>
            <Td numeric>{row.count.toLocaleString("en-US")}</Td>
            <Td>
              <ShareBar amount={row.monthlySaving} total={total} />
            </Td>
            <Td numeric>{formatUsd(row.monthlySaving)}</Td>
            <Td numeric>
              <span className="text-slate-600 dark:text-slate-400">{formatUsd(row.grossMonthlySaving)}</span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Monthly saving by squad, largest first; a squad's name filters the page to it. */
export function SavingBySquad({
  rows,
  total,
  selectedSquad,
  hrefFor,
}: {
  rows: SquadSavingRow[];
  total: string;
  selectedSquad: string | null;
  hrefFor: (squad: string | null) => string;
}) {
  const sorted = [...rows].sort((a, b) => compareDecimals(b.monthlySaving, a.monthlySaving));
  return (
    <Table caption="Monthly saving by squad">
      <thead>
        <tr>
          <Th>Squad</Th>
          <Th numeric>Resources</Th>
          <Th>Share</Th>
          <Th numeric>Monthly saving</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr
            key={row.squad ?? "unallocated"}
            className={row.squad !== null && row.squad === selectedSquad ? "bg-brand-50 dark:bg-slate-800" : undefined}
          >
            <Td>
              {row.squad ? (
                <Link
                  href={hrefFor(row.squad)}
                  className={linkClass}
                  aria-current={row.squad === selectedSquad ? "true" : undefined}
                >
                  {row.squad}
                </Link>
              ) : (
                "Unallocated"
              )}
            </Td>
            <Td numeric>{row.count.toLocaleString("en-US")}</Td>
            <Td>
              <ShareBar amount={row.monthlySaving} total={total} />
            </Td>
            <Td numeric>{formatUsd(row.monthlySaving)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
