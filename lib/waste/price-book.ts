// Prices as detectors use them: the newest price in effect on `today` for a kind, region and key, with
// the evidence entry that records it (price, unit, effective date).
import type { PriceKind } from "../db/generated/enums";
import type { DetectionFacts, MissingPrice, PriceFact } from "./detection-facts";
import type { Evidence } from "./evidence";

export type PriceEvidence = Evidence["prices"][number];

export class PriceBook {
  private readonly byKey = new Map<string, PriceFact>();

  constructor(prices: readonly PriceFact[], today: string) {
    for (const price of prices) {
      if (price.effectiveDate > today) continue;
      const key = PriceBook.key(price.kind, price.region, price.key);
      const held = this.byKey.get(key);
      if (!held || held.effectiveDate < price.effectiveDate) this.byKey.set(key, price);
    }
  }

  private static key(kind: PriceKind, region: string, key: string): string {
    return `${kind}|${region}|${key}`;
  }

  find(kind: PriceKind, region: string, key = ""): PriceFact | undefined {
    return this.byKey.get(PriceBook.key(kind, region, key));
  }
}

export function priceBookOf(facts: Pick<DetectionFacts, "prices" | "today">): PriceBook {
  return new PriceBook(facts.prices, facts.today);
}

export function priceEvidence(price: PriceFact): PriceEvidence {
  return {
    kind: price.kind,
    key: price.key,
    region: price.region,
    usdPerUnit: price.usdPerUnit.toFixed(),
    unit: price.unit,
    effectiveDate: price.effectiveDate,
  };
}

/** Looks prices up, remembering every one that is missing so the detection result can report it. */
export class PriceLookup {
  readonly missing: MissingPrice[] = [];
  readonly used: PriceFact[] = [];

  constructor(
    private readonly book: PriceBook,
    private readonly type: MissingPrice["type"],
    private readonly resourceId: string,
  ) {}

  get(kind: PriceKind, region: string, key = ""): PriceFact | undefined {
    const price = this.book.find(kind, region, key);
    if (!price) this.missing.push({ type: this.type, resourceId: this.resourceId, kind, region, key });
    else if (!this.used.includes(price)) this.used.push(price);
    return price;
  }

  evidence(): PriceEvidence[] {
    return this.used.map(priceEvidence);
  }
}
