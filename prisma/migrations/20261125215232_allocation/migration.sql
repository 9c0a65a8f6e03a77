-- CreateEnum
CREATE TYPE "allocation_owner" AS ENUM ('SQUAD', 'SHARED', 'IDLE', 'UNALLOCATED');

-- CreateTable
CREATE TABLE "allocated_cost_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "owner_type" "allocation_owner" NOT NULL,
    "squad" TEXT NOT NULL DEFAULT '',
    "account_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "cluster" TEXT NOT NULL DEFAULT '',
    "namespace" TEXT NOT NULL DEFAULT '',
    "rule" TEXT NOT NULL,
    "amount" DECIMAL(20,10) NOT NULL,
    "job_run_id" TEXT,

    CONSTRAINT "allocated_cost_daily_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "allocated_cost_daily_squad_day_idx" ON "allocated_cost_daily"("squad", "day");

-- CreateIndex
CREATE INDEX "allocated_cost_daily_day_idx" ON "allocated_cost_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "allocated_cost_daily_natural_key" ON "allocated_cost_daily"("day", "owner_type", "squad", "account_id", "service", "cluster", "namespace", "rule");
