"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Viewer } from "@/lib/auth/actor";
import { can, canSomewhere, type Capability } from "@/lib/auth/roles";

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in person (or the demo user), as the layout read it on the server. */
export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer needs the ViewerProvider of the root layout");
  return viewer;
}

/**
 * Whether to show a control: with a squad, for that squad's recommendation; without one, whether the
 * person may do it anywhere. Hiding is a courtesy: the server checks again and answers 403.
 */
export function useCan(capability: Capability, squad?: string | null): boolean {
  const { grants } = useViewer();
  return squad === undefined ? canSomewhere(grants, capability) : can(grants, capability, { squad });
}
