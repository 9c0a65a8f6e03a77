// Prisma CLI configuration (Prisma 7 reads the connection from here, not from schema.prisma). Only
// `prisma generate` runs on our machines; `prisma migrate deploy` works where Prisma's native schema engine
// can be installed, against the same prisma/migrations that `npm run db:migrate` applies.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/costlens" },
});
