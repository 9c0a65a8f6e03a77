// One palette for every stacked chart: distinct in light and dark themes; the non-squad owners keep fixed,
// muted colours so "unallocated" reads the same on every page.
const palette = [
  "#14a37f",
  "#2563eb",
  "#d97706",
  "#9333ea",
  "#db2777",
  "#0891b2",
  "#65a30d",
  "#dc2626",
  "#4f46e5",
  "#0d9488",
  "#c026d3",
  "#ca8a04",
];

const fixed: Record<string, string> = {
  shared: "#64748b",
  idle: "#a8a29e",
  unallocated: "#f59e0b",
  Other: "#94a3b8",
};

export function seriesColour(key: string, index: number): string {
  return fixed[key] ?? palette[index % palette.length] ?? "#14a37f";
}
