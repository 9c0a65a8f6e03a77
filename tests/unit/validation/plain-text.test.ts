import { describe, expect, it } from "vitest";
import { dismissBodySchema } from "@/lib/waste/recommendation-api";
import { plainText } from "@/lib/validation/plain-text";

describe("plain text from people", () => {
  it("refuses NUL and other control characters, which Postgres would refuse as a failed query", () => {
    for (const bad of ["a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f"]) {
      expect(plainText().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("keeps ordinary text, accents, emoji, newlines and tabs", () => {
    for (const good of ["Batch host, busy at month end", "Équipe paiements 💳", "line one\nline two\tindented"]) {
      expect(plainText().safeParse(good).success, good).toBe(true);
    }
  });

  it("makes a dismissal reason with a NUL a 400, not a database error", () => {
    expect(dismissBodySchema.safeParse({ reason: "a\u0000b is fine" }).success).toBe(false);
    expect(dismissBodySchema.safeParse({ reason: "  kept for the audit  " })).toMatchObject({
      success: true,
      data: { reason: "kept for the audit" },
    });
  });
});
