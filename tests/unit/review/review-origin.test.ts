import { describe, expect, it } from "vitest";
import { reviewOrigin } from "@/lib/review/review-origin";

const request = (url: string, host?: string) => new Request(url, { headers: host ? { host } : {} });

describe("the origin the PDF export prints from", () => {
  it("prefers the configured public origin", () => {
    expect(
      reviewOrigin(
        request("http://localhost:3000/api/review/2026-10/pdf", "10.0.0.5:3000"),
        "https://costlens.example.com/app",
      ),
    ).toBe("https://costlens.example.com");
  });

  it("uses the Host header as sent, so 127.0.0.1 stays 127.0.0.1", () => {
    expect(reviewOrigin(request("http://localhost:3203/api/review/2026-10/pdf", "127.0.0.1:3203"), undefined)).toBe(
      "http://127.0.0.1:3203",
    );
    expect(reviewOrigin(request("http://localhost:3203/x", "[::1]:3203"), undefined)).toBe("http://[::1]:3203");
  });

  it("falls back to the request URL when the Host header is missing or not a plain host", () => {
    expect(reviewOrigin(request("http://localhost:3203/x"), undefined)).toBe("http://localhost:3203");
    expect(reviewOrigin(request("http://localhost:3203/x", "evil.example/path@x"), undefined)).toBe(
      "http://localhost:3203",
    );
  });
});
