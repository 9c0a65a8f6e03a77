import { describe, expect, it } from "vitest";
import type { ReactElement } from "react";
import { moneyColumn, squadLinkColumn } from "@/components/spend/columns";
import { sortRows } from "@/components/spend/table-state";

interface Row {
  name: string;
  monthlySaving: string;
}

const rows: Row[] = [
  { name: "nat", monthlySaving: "9.995" },
  { name: "volume", monthlySaving: "1234.565" },
  { name: "instance", monthlySaving: "10" },
];

describe("moneyColumn", () => {
  const column = moneyColumn("saving", "Monthly saving", "monthlySaving");

  it("is a right-aligned amount column under its own key and header", () => {
    expect(column).toMatchObject({ key: "saving", header: "Monthly saving", numeric: true, sort: "amount" });
  });

  it("sorts by the exact amount in the named field, not as text", () => {
    expect(sortRows(rows, column, "desc").map((row) => row.name)).toEqual(["volume", "instance", "nat"]);
    expect(column.value(rows[0]!)).toBe("9.995");
  });

  it("shows dollars rounded once, half away from zero", () => {
    expect(rows.map((row) => column.render?.(row))).toEqual(["$10.00", "$1,234.57", "$10.00"]);
  });
});

describe("squadLinkColumn", () => {
  const squad = { name: "Checkout & Payments", slug: "checkout payments" };
  const hrefOf = (column: ReturnType<typeof squadLinkColumn>) =>
    (column.render?.(squad) as ReactElement<{ href: string }>).props.href;

  it("links the squad's name to its page, carrying the list's range when it has one", () => {
    expect(hrefOf(squadLinkColumn())).toBe("/squads/checkout%20payments");
    expect(hrefOf(squadLinkColumn("from=2026-11-01&to=2026-12-01"))).toBe(
      "/squads/checkout%20payments?from=2026-11-01&to=2026-12-01",
    );
  });

  it("sorts by the name", () => {
    expect(squadLinkColumn()).toMatchObject({ key: "name", header: "Squad", sort: "text" });
    expect(squadLinkColumn().value(squad)).toBe("Checkout & Payments");
  });
});
