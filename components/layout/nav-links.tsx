"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { useViewer } from "../auth/viewer-context";
import { navigation } from "./navigation";

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname();
  const { grants } = useViewer();
  const items = navigation.filter((item) => !item.capability || can(grants, item.capability));
  return (
    <ul className="flex flex-row gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
