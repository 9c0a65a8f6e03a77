// AWS-shaped identifiers drawn from the seeded PRNG, checked for uniqueness across the whole organisation.
import type { Random } from "./random";

export interface IdFactory {
  /** prefix + hex, e.g. ("i-", 17) -> "i-0a1b2c3d4e5f60718". */
  resourceId(prefix: string, hexLength: number): string;
  accountId(): string;
}

export function createIdFactory(random: Random): IdFactory {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  return {
    resourceId: (prefix, hexLength) => unique(() => `${prefix}0${random.hex(hexLength - 1)}`),
    accountId: () => unique(() => random.digits(12)),
  };
}
