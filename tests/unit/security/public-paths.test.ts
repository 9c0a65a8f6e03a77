import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/security/public-paths";

describe("isPublicPath", () => {
  it.each(["/sign-in", "/api/auth/sign-in", "/api/auth/callback", "/api/health", "/api/github/webhook"])(
    "lets %s through without a session",
    (path) => expect(isPublicPath(path)).toBe(true),
  );

  it.each(["/", "/sign-ins", "/sign-in-admin", "/api/authx", "/api/health/db", "/admin/audit", "/api/jobs/runs"])(
    "asks for a session on %s",
    (path) => expect(isPublicPath(path)).toBe(false),
  );
});
