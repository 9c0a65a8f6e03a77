import Link from "next/link";
import { formatUsd } from "@/lib/format/money";
import type { DataColumn } from "./data-table";

/**
 * A right-aligned dollar column over a row's `field` (an exact decimal string): sorted by the exact amount,
 * shown as "$1,234.57". It names the field rather than taking an accessor so that TypeScript can check it
 * against the table's rows without the row type spelled out at every call.
 */
export function moneyColumn<Field extends string>(
  key: string,
  header: string,
  field: Field,
): DataColumn<Record<Field, string>> {
  return {
    key,
    header,
    numeric: true,
    sort: "amount",
    value: (row) => row[field],
    render: (row) => formatUsd(row[field]),
  };
}

/** The squad's name, linking to its page; `search` carries the range over when the list has one. */
export function squadLinkColumn(search?: string): DataColumn<{ name: string; slug: string }> {
  return {
    key: "name",
    header: "Squad",
    sort: "text",
    value: (row) => row.name,
    render: (row) => (
      <Link
        href={`/squads/${encodeURIComponent(row.slug)}${search ? `?${search}` : ""}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
      >
        {row.name}
      </Link>
    ),
  };
}
