import type { ReactNode } from "react";

/** One slide: its number, title, an optional partial-month banner, the content and the presenter's notes. */
export function ReviewSlide({
  id,
  number,
  title,
  subtitle,
  partialNote,
  notes,
  children,
}: {
  id: string;
  number: number;
  title: string;
  subtitle?: string;
  partialNote?: string | null;
  notes: string;
  children: ReactNode;
}) {
  const headingId = `slide-${id}-title`;
  return (
    <section
      id={`slide-${id}`}
      aria-labelledby={headingId}
      data-slide={number}
      className="review-slide flex flex-col gap-[1em] rounded-xl border border-slate-200 bg-white p-[1.5em] dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-[0.5em]">
        <div>
          <h2 id={headingId} className="text-[1.9em] font-bold leading-tight tracking-tight">
            {title}
          </h2>
          {subtitle ? (
            <p className="review-muted mt-[0.2em] text-[1em] text-slate-700 dark:text-slate-300">{subtitle}</p>
          ) : null}
        </div>
        <span className="review-muted text-[0.85em] tabular-nums text-slate-700 dark:text-slate-300">{number}</span>
      </header>
      {partialNote ? (
        <p
          role="note"
          className="rounded-md border border-amber-400 bg-amber-50 px-[0.8em] py-[0.4em] text-[0.9em] font-medium text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
        >
          {partialNote}
        </p>
      ) : null}
      <div className="flex min-h-0 flex-1 flex-col gap-[1em]">{children}</div>
      <aside
        aria-label={`Presenter notes: ${title}`}
        className="review-notes rounded-md border-l-4 border-brand-500 bg-slate-100 px-[0.8em] py-[0.5em] text-[0.9em] text-slate-900 dark:bg-slate-800 dark:text-slate-100"
      >
        <p className="font-semibold">Notes</p>
        <p>{notes}</p>
      </aside>
    </section>
  );
}

/** A headline figure, sized for the back of the room. */
export function SlideFigure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-[0.8em] dark:border-slate-700">
      <p className="review-muted text-[0.85em] font-medium text-slate-700 dark:text-slate-300">{label}</p>
      <p className="text-[2em] font-bold leading-tight tabular-nums">{value}</p>
      {detail ? <p className="review-muted text-[0.85em] text-slate-700 dark:text-slate-300">{detail}</p> : null}
    </div>
  );
}

/** What a slide says when its part of the story has nothing to show. */
export function SlideEmpty({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-400 px-[1em] py-[1.5em] text-center text-[1em] text-slate-700 dark:border-slate-600 dark:text-slate-300">
      {children}
    </p>
  );
}
