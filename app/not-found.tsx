import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      <Link className="text-brand-700 underline dark:text-brand-100" href="/">
        Back to the overview
      </Link>
    </EmptyState>
  );
}
