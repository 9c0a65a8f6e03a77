import Link from "next/link";

/** "Waste / Zombie instance": where this page sits; links are underlined so they do not rely on colour. */
export function Breadcrumbs({ trail, current }: { trail: Array<{ href: string; label: string }>; current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-2">
        {trail.map((item, index) => (
          <li key={item.href} className="flex items-center gap-2">
            <Link
              href={item.href}
              className="text-brand-700 underline underline-offset-2 hover:no-underline dark:text-brand-100"
            >
              {item.label}
            </Link>
            {current || index < trail.length - 1 ? (
              <span aria-hidden="true" className="text-slate-400">
                /
              </span>
            ) : null}
          </li>
        ))}
        {current ? <li aria-current="page">{current}</li> : null}
      </ol>
    </nav>
  );
}
