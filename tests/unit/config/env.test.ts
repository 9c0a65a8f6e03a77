import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config/env";

describe("parseConfig", () => {
  it("fills defaults for an empty environment (the demo's embedded mode)", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.COSTLENS_DATA_DIR).toBe(".data");
    expect(config.AWS_REGION).toBe("us-east-1");
    expect(config.GITHUB_API_URL).toBe("https://api.github.com");
    expect(config.OPENCOST_CLUSTERS).toEqual([]);
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("parses the real-mode variables", () => {
    const config = parseConfig({
      PORT: "8080",
      DATABASE_URL: "postgresql://costlens@db:5432/costlens",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4510",
      OPENCOST_CLUSTERS: "prod-eks, staging-eks",
      TERRAFORM_REPO: "acme-shop/infrastructure",
    });
    expect(config.PORT).toBe(8080);
    expect(config.OPENCOST_CLUSTERS).toEqual(["prod-eks", "staging-eks"]);
    expect(config.TERRAFORM_REPO).toBe("acme-shop/infrastructure");
  });

  it("names every bad variable and what it expects", () => {
    let error: unknown;
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://root@db/costlens", TERRAFORM_REPO: "not a repo" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((line) => line.startsWith("PORT:"))).toMatch(/port number.*\(got "eighty"\)/);
    expect(problems.find((line) => line.startsWith("TERRAFORM_REPO:"))).toMatch(/owner\/name/);
  });

  it("never repeats a secret's value in an error", () => {
    expect(() => parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/costlens" })).toThrow(ConfigError);
    try {
      parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/costlens" });
    } catch (error) {
      expect((error as Error).message).toContain("DATABASE_URL");
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("lists AWS_REGION alone unless AWS_REGIONS names more, and checks each", () => {
    expect(parseConfig({ AWS_REGION: "eu-west-1" }).AWS_REGIONS).toEqual(["eu-west-1"]);
    expect(parseConfig({ AWS_REGIONS: "us-east-1, us-west-2" }).AWS_REGIONS).toEqual(["us-east-1", "us-west-2"]);
    expect(() => parseConfig({ AWS_REGIONS: "us-east-1,mars" })).toThrow(/AWS_REGIONS.1: expected AWS regions/);
  });

  it("reads job schedule overrides and refuses what it cannot read", () => {
    expect(parseConfig({ JOB_SCHEDULES: "cost-explorer=0 */4 * * *; opencost=15 * * * *" }).JOB_SCHEDULES).toEqual({
      "cost-explorer": "0 */4 * * *",
      opencost: "15 * * * *",
    });
    expect(() => parseConfig({ JOB_SCHEDULES: "every hour" })).toThrow(/JOB_SCHEDULES: expected "job=cron;job=cron"/);
  });

  it("rejects an out-of-range port", () => {
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT: expected a port between 1 and 65535/);
  });
});
