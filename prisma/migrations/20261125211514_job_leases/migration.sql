-- AlterEnum
-- BEFORE keeps the enum's order equal to schema.prisma's (the drift test compares it).
ALTER TYPE "job_run_status" ADD VALUE 'QUEUED' BEFORE 'RUNNING';

-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "requested_by" TEXT;

-- CreateTable
CREATE TABLE "job_locks" (
    "job" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_locks_pkey" PRIMARY KEY ("job")
);
