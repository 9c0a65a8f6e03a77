// CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
// comma, a quote or a line break, and quotes inside doubled. Text that a spreadsheet would run as a formula
// (=, +, -, @ first) gets a leading apostrophe; numbers, exact decimal strings included, are left alone so
// the file keeps the amounts exactly as shown.

export type CsvCell = string | number | null | undefined;

const numeric = /^-?\d+(\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;

/** One field, quoted and escaped as needed. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && formulaStart.test(text) && !numeric.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one line a row; every row must have the header's width. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index} has ${row.length} fields; the header has ${header.length}`);
    }
    return row.map(csvField).join(",");
  });
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name safe on every OS: "squad-checkout-namespace-2026-10-01-2026-11-01.csv". */
export function csvFileName(...parts: string[]): string {
  const stem = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return `${stem || "export"}.csv`;
}
