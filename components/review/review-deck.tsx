"use client";

import { Children, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import "./review-deck.css";

const button =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800";

const NEXT_KEYS = new Set(["ArrowRight", "PageDown", " ", "Spacebar"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp"]);

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * The slides of a review with its presentation mode: "Present" goes full screen (the Fullscreen API, or a
 * window-filling overlay where the browser refuses), shows one slide at a time with a counter, and takes
 * the keyboard: ArrowRight/PageDown/Space next, ArrowLeft/PageUp back, Home/End, N the presenter's notes,
 * Esc leaves. Outside presentation the slides are stacked on the page, which also prints one slide a page.
 */
export function ReviewDeck({ titles, children }: { titles: string[]; children: ReactNode }) {
  const slides = Children.toArray(children);
  const count = slides.length;
  const deck = useRef<HTMLDivElement>(null);
  const [presenting, setPresenting] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const [index, setIndex] = useState(0);
  // Hydrated: the keyboard works and the charts are drawing (the PDF export waits for this mark).
  useEffect(() => deck.current?.setAttribute("data-review-ready", ""), []);

  const go = useCallback((to: number) => setIndex(Math.min(count - 1, Math.max(0, to))), [count]);

  const leave = useCallback(() => {
    setPresenting(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  const present = useCallback(async () => {
    setPresenting(true);
    const element = deck.current;
    if (element?.requestFullscreen) {
      // Refused (an iframe, a headless browser, a user setting): the overlay alone fills the window.
      await element.requestFullscreen().catch(() => undefined);
    }
    element?.focus();
  }, []);

  // Leaving full screen through the browser (Esc, F11) also leaves presentation mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      let handled = true;
      if (NEXT_KEYS.has(event.key)) go(index + 1);
      else if (PREVIOUS_KEYS.has(event.key)) go(index - 1);
      else if (event.key === "Home") go(0);
      else if (event.key === "End") go(count - 1);
      else if (event.key === "Escape") leave();
      else if (event.key === "n" || event.key === "N") setShowNotes((shown) => !shown);
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [presenting, index, count, go, leave]);

  return (
    <div
      ref={deck}
      tabIndex={-1}
      className="review-deck outline-none"
      aria-label="Review slides"
      role="region"
      data-presenting={presenting ? "" : undefined}
      data-notes={showNotes ? "" : undefined}
    >
      {presenting ? (
        <style>{`.review-deck[data-presenting] .review-slides > :not(:nth-child(${index + 1})) { display: none; }`}</style>
      ) : null}
      <div className="review-screen-only mb-4 flex flex-wrap items-center gap-2 px-4 pt-3">
        {presenting ? (
          <>
            <button type="button" className={button} onClick={() => go(index - 1)} disabled={index === 0}>
              Previous
            </button>
            <p
              className="min-w-20 text-center text-base font-semibold tabular-nums"
              aria-live="polite"
              data-slide-counter
            >
              <span className="sr-only">Slide </span>
              {index + 1} / {count}
              <span className="sr-only">: {titles[index]}</span>
            </p>
            <button type="button" className={button} onClick={() => go(index + 1)} disabled={index === count - 1}>
              Next
            </button>
            <button type="button" className={button} aria-pressed={showNotes} onClick={() => setShowNotes((s) => !s)}>
              Notes (N)
            </button>
            <button type="button" className={`${button} ml-auto`} onClick={leave}>
              Leave presentation (Esc)
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600"
              onClick={() => void present()}
            >
              Present
            </button>
            <button type="button" className={button} aria-pressed={showNotes} onClick={() => setShowNotes((s) => !s)}>
              {showNotes ? "Hide notes" : "Show notes"}
            </button>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {count} slides. Present takes the keyboard: arrows, Page Up/Down or Space to move, Home/End, N for notes,
              Esc to leave.
            </p>
          </>
        )}
      </div>
      <div className="review-slides flex flex-col gap-6">{slides}</div>
    </div>
  );
}
