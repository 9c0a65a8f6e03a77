// Without GITHUB_WEBHOOK_SECRET the webhook endpoint refuses every delivery with 503 and says what to set,
// before reading anything from the database.
import { describe, expect, it } from "vitest";

describe("POST /api/github/webhook without a secret", () => {
  it("answers 503 with the variable to set", async () => {
    delete process.env.GITHUB_WEBHOOK_SECRET;
    const { POST } = await import("@/app/api/github/webhook/route");
    const response = await POST(
      new Request("http://127.0.0.1/api/github/webhook", {
        method: "POST",
        headers: { "x-github-event": "ping", "x-hub-signature-256": "sha256=00" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      message: "Webhooks are not configured: set GITHUB_WEBHOOK_SECRET to the secret of the GitHub hook",
    });
  });
});
