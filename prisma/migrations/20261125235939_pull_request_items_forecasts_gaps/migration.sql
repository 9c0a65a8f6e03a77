-- AlterEnum
ALTER TYPE "pull_request_state" ADD VALUE 'OPENING' BEFORE 'OPEN';

-- DropForeignKey
ALTER TABLE "pull_requests" DROP CONSTRAINT "pull_requests_recommendation_id_fkey";

-- DropIndex
DROP INDEX "pull_requests_open_key_key";

-- DropIndex
DROP INDEX "pull_requests_recommendation_id_idx";

-- AlterTable
ALTER TABLE "pull_requests" DROP COLUMN "open_key",
DROP COLUMN "recommendation_id",
ADD COLUMN     "head_sha" TEXT,
ADD COLUMN     "last_synced_at" TIMESTAMPTZ(3),
ADD COLUMN     "merge_commit_sha" TEXT,
ADD COLUMN     "root_module" TEXT NOT NULL,
ADD COLUMN     "type" "recommendation_type" NOT NULL,
ALTER COLUMN "state" DROP DEFAULT;

-- CreateTable
CREATE TABLE "cost_forecasts" (
    "id" BIGSERIAL NOT NULL,
    "as_of" DATE NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "mean_amount" DECIMAL(20,10) NOT NULL,
    "lower_bound" DECIMAL(20,10),
    "upper_bound" DECIMAL(20,10),
    "prediction_interval_level" INTEGER,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "job_run_id" TEXT,

    CONSTRAINT "cost_forecasts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pull_request_recommendations" (
    "pull_request_id" TEXT NOT NULL,
    "recommendation_id" TEXT NOT NULL,
    "open_key" TEXT,
    "projected_saving" DECIMAL(20,10) NOT NULL,
    "realised_saving" DECIMAL(20,10),

    CONSTRAINT "pull_request_recommendations_pkey" PRIMARY KEY ("pull_request_id","recommendation_id")
);

-- CreateTable
CREATE TABLE "terraform_indexes" (
    "repo" TEXT NOT NULL,
    "default_branch" TEXT NOT NULL,
    "commit_sha" TEXT NOT NULL,
    "state_fingerprint" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entries" JSONB NOT NULL,

    CONSTRAINT "terraform_indexes_pkey" PRIMARY KEY ("repo")
);

-- CreateTable
CREATE TABLE "detection_gaps" (
    "id" TEXT NOT NULL,
    "type" "recommendation_type" NOT NULL,
    "resource_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resource_ref" TEXT,
    "reason" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "detection_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cost_forecasts_period_start_idx" ON "cost_forecasts"("period_start");

-- CreateIndex
CREATE UNIQUE INDEX "cost_forecasts_natural_key" ON "cost_forecasts"("as_of", "period_start", "period_end", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "pull_request_recommendations_open_key_key" ON "pull_request_recommendations"("open_key");

-- CreateIndex
CREATE INDEX "pull_request_recommendations_recommendation_id_idx" ON "pull_request_recommendations"("recommendation_id");

-- CreateIndex
CREATE INDEX "detection_gaps_type_idx" ON "detection_gaps"("type");

-- CreateIndex
CREATE UNIQUE INDEX "detection_gaps_natural_key" ON "detection_gaps"("type", "account_id", "region", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "pull_requests_repo_branch_key" ON "pull_requests"("repo", "branch");

-- AddForeignKey
ALTER TABLE "pull_request_recommendations" ADD CONSTRAINT "pull_request_recommendations_pull_request_id_fkey" FOREIGN KEY ("pull_request_id") REFERENCES "pull_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pull_request_recommendations" ADD CONSTRAINT "pull_request_recommendations_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
