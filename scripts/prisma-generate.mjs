// Runs `prisma generate` offline. Prisma's CLI insists on locating its native schema engine even though
// generating the client never uses it, and this project's machines cannot download it: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check. A real engine path already in the
// environment is kept.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
if (result.status !== 0) {
  console.error("prisma generate failed: the Prisma client in lib/db/generated could not be written");
  process.exit(result.status ?? 1);
}
