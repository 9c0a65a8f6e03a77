import type { ReactNode } from "react";
import type { Loaded } from "@/lib/db/describe-error";
import { ProblemPanel } from "./problem-panel";

/**
 * The three states every data page has, in one place: the failure (shown as a failure, with what to do),
 * the empty state (no data, or data that `isEmpty` calls empty), and the content.
 */
export function LoadedContent<T>({
  loaded,
  isEmpty = () => false,
  empty,
  children,
}: {
  loaded: Loaded<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: NonNullable<T>) => ReactNode;
}) {
  if (!loaded.ok) return <ProblemPanel problem={loaded.problem} />;
  if (loaded.data === null || loaded.data === undefined || isEmpty(loaded.data)) return <>{empty}</>;
  return <>{children(loaded.data)}</>;
}
