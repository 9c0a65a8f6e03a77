-- DropIndex
DROP INDEX "cost_daily_natural_key";

-- AlterTable
ALTER TABLE "cost_daily" ADD COLUMN     "usage_group" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "cost_explorer_months" (
    "month" DATE NOT NULL,
    "usage_groups" TEXT[],
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "job_run_id" TEXT,

    CONSTRAINT "cost_explorer_months_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "allocation_months" (
    "month" DATE NOT NULL,
    "inputs" TEXT NOT NULL,
    "allocated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "job_run_id" TEXT,

    CONSTRAINT "allocation_months_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE UNIQUE INDEX "cost_daily_natural_key" ON "cost_daily"("day", "account_id", "service", "region", "team_tag", "environment_tag", "cost_centre_tag", "usage_group");
