import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/env";
import { describeDatabaseError } from "@/lib/db/describe-error";
import { EmbeddedDatabaseError } from "@/lib/db/embedded-database";

describe("describeDatabaseError", () => {
  it("tells the user to migrate when a table is missing", () => {
    expect(
      describeDatabaseError(
        Object.assign(new Error("The table `cost_daily` does not exist in the current database."), { code: "P2021" }),
      ).title,
    ).toBe("The database has not been migrated");
  });

  it("recognises an unreachable server through the error's cause", () => {
    const error = new Error("driver error", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    });
    expect(describeDatabaseError(error).title).toBe("The database is not reachable");
  });

  it("passes configuration and embedded-database messages through, since they already say what to do", () => {
    expect(describeDatabaseError(new ConfigError(["DATABASE_URL: expected a postgres:// URL"])).hint).toContain(
      "DATABASE_URL",
    );
    expect(describeDatabaseError(new EmbeddedDatabaseError("in use by process 42")).hint).toBe("in use by process 42");
  });

  it("shows nothing of an unknown failure but where to look", () => {
    const problem = describeDatabaseError(new Error("secret internals"));
    expect(problem.hint).not.toContain("secret internals");
  });
});
