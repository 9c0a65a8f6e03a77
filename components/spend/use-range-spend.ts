"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import type { DayRange } from "../charts/date-range";
import { fetchSpend, spendQuery } from "./spend-schemas";
import { useUrlState } from "./use-url-state";

/**
 * A spend view whose only control is its range: the range lives in state and in the URL, and the data comes
 * from one spend API route through TanStack Query. The server-rendered answer stands for its own range, and
 * the last answer stays on screen (`loading`) while another range loads.
 */
export function useRangeSpend<T>({
  queryName,
  path,
  schema,
  what,
  initialRange,
  initialData,
}: {
  /** the first part of the query key */
  queryName: string;
  /** the API route, without its query string */
  path: string;
  schema: z.ZodType<T>;
  /** names the data in error messages: "Squad spend" */
  what: string;
  initialRange: DayRange;
  /** the server's answer for `initialRange` */
  initialData: T;
}) {
  const [range, setRange] = useState<DayRange>({ from: initialRange.from, to: initialRange.to });
  const url = useUrlState();
  const isInitial = range.from === initialRange.from && range.to === initialRange.to;
  const query = useQuery({
    queryKey: [queryName, range.from, range.to],
    queryFn: () => fetchSpend(`${path}?${spendQuery({ from: range.from, to: range.to })}`, schema, what),
    initialData: isInitial ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const changeRange = (next: DayRange) => {
    setRange(next);
    url.replace({ from: next.from, to: next.to });
  };
  const loading = query.isFetching && (query.isPlaceholderData || !query.data);
  return { range, changeRange, query, loading };
}

export type RangeSpend<T> = ReturnType<typeof useRangeSpend<T>>;
