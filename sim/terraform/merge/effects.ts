// What applying a merge did to the organisation, for logs and tests.

export interface MergeEffects {
  /** AWS ids that went away (their goneDay is today). */
  gone: string[];
  retyped: Array<{ id: string; from: string; to: string }>;
  endpointsAdded: string[];
  schedulesAdded: Array<{ group: string; name: string }>;
  /** Changes the sandbox does not model (e.g. a module block removed), with the address. */
  ignored: string[];
}

export function noEffects(): MergeEffects {
  return { gone: [], retyped: [], endpointsAdded: [], schedulesAdded: [], ignored: [] };
}
