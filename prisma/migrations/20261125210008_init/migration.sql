-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ownership_rule_kind" AS ENUM ('TEAM_TAG', 'COST_CENTRE_TAG', 'NAMESPACE', 'ACCOUNT');

-- CreateEnum
CREATE TYPE "resource_kind" AS ENUM ('EC2_INSTANCE', 'EBS_VOLUME', 'NAT_GATEWAY', 'VPC_ENDPOINT', 'VPC', 'SUBNET', 'ROUTE_TABLE', 'RDS_INSTANCE', 'AUTO_SCALING_GROUP', 'TARGET_GROUP', 'EKS_CLUSTER');

-- CreateEnum
CREATE TYPE "price_kind" AS ENUM ('EC2_INSTANCE_HOUR', 'EBS_GB_MONTH', 'NAT_HOUR', 'NAT_GB', 'ENDPOINT_HOUR', 'ENDPOINT_GB', 'RDS_INSTANCE_HOUR', 'RDS_STORAGE_GB_MONTH');

-- CreateEnum
CREATE TYPE "recommendation_type" AS ENUM ('ZOMBIE_INSTANCE', 'STOPPED_INSTANCE', 'ORPHAN_VOLUME', 'IDLE_REPLICA', 'NAT_WASTE', 'RIGHTSIZING', 'NON_PROD_ALWAYS_ON');

-- CreateEnum
CREATE TYPE "recommendation_status" AS ENUM ('OPEN', 'DISMISSED', 'IN_PROGRESS', 'RESOLVED', 'REALISED');

-- CreateEnum
CREATE TYPE "pull_request_state" AS ENUM ('OPEN', 'MERGED', 'CLOSED');

-- CreateEnum
CREATE TYPE "job_run_status" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "squads" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cost_centre" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "squads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ownership_rules" (
    "id" TEXT NOT NULL,
    "kind" "ownership_rule_kind" NOT NULL,
    "match_value" TEXT NOT NULL,
    "squad_id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ownership_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cloud_accounts" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cloud_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cost_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "account_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "team_tag" TEXT NOT NULL DEFAULT '',
    "environment_tag" TEXT NOT NULL DEFAULT '',
    "cost_centre_tag" TEXT NOT NULL DEFAULT '',
    "unblended_cost" DECIMAL(20,10) NOT NULL,
    "amortized_cost" DECIMAL(20,10) NOT NULL,
    "usage_quantity" DECIMAL(24,10),
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "job_run_id" TEXT,

    CONSTRAINT "cost_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kubernetes_clusters" (
    "name" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "environment" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kubernetes_clusters_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "namespace_cost_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "cluster" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "team_label" TEXT NOT NULL DEFAULT '',
    "cpu_cost" DECIMAL(20,10) NOT NULL,
    "ram_cost" DECIMAL(20,10) NOT NULL,
    "pv_cost" DECIMAL(20,10) NOT NULL,
    "network_cost" DECIMAL(20,10) NOT NULL,
    "load_balancer_cost" DECIMAL(20,10) NOT NULL,
    "shared_cost" DECIMAL(20,10) NOT NULL,
    "total_cost" DECIMAL(20,10) NOT NULL,
    "cpu_efficiency" DOUBLE PRECISION,
    "ram_efficiency" DOUBLE PRECISION,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "job_run_id" TEXT,

    CONSTRAINT "namespace_cost_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resources" (
    "id" TEXT NOT NULL,
    "kind" "resource_kind" NOT NULL,
    "resource_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "arn" TEXT,
    "name" TEXT,
    "state" TEXT NOT NULL,
    "size_type" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "team_tag" TEXT NOT NULL DEFAULT '',
    "environment_tag" TEXT NOT NULL DEFAULT '',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "launched_at" TIMESTAMPTZ(3),
    "state_changed_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gone_on" DATE,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_daily" (
    "id" BIGSERIAL NOT NULL,
    "resource_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "average" DOUBLE PRECISION,
    "maximum" DOUBLE PRECISION,
    "p95" DOUBLE PRECISION,
    "sum" DOUBLE PRECISION,
    "samples" INTEGER,

    CONSTRAINT "metric_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prices" (
    "id" TEXT NOT NULL,
    "kind" "price_kind" NOT NULL,
    "region" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL,
    "usd_per_unit" DECIMAL(20,10) NOT NULL,
    "sku" TEXT,
    "effective_date" DATE NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" TEXT NOT NULL,
    "type" "recommendation_type" NOT NULL,
    "status" "recommendation_status" NOT NULL DEFAULT 'OPEN',
    "resource_ref" TEXT,
    "resource_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "squad_id" TEXT,
    "current_monthly_cost" DECIMAL(20,10) NOT NULL,
    "projected_monthly_cost" DECIMAL(20,10) NOT NULL,
    "monthly_saving" DECIMAL(20,10) NOT NULL,
    "evidence" JSONB NOT NULL,
    "evidence_hash" TEXT NOT NULL,
    "terraform_address" TEXT,
    "dismissed_reason" TEXT,
    "dismissed_by" TEXT,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pull_requests" (
    "id" TEXT NOT NULL,
    "recommendation_id" TEXT NOT NULL,
    "open_key" TEXT,
    "repo" TEXT NOT NULL,
    "number" INTEGER,
    "url" TEXT,
    "branch" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "state" "pull_request_state" NOT NULL DEFAULT 'OPEN',
    "created_by" TEXT NOT NULL,
    "projected_saving" DECIMAL(20,10) NOT NULL,
    "realised_saving" DECIMAL(20,10),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "merged_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "realised_at" TIMESTAMPTZ(3),

    CONSTRAINT "pull_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "status" "job_run_status" NOT NULL DEFAULT 'RUNNING',
    "trigger" TEXT NOT NULL,
    "slot" TEXT,
    "window_from" DATE,
    "window_to" DATE,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "rows_written" INTEGER NOT NULL DEFAULT 0,
    "api_requests" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "worker_id" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "squads_slug_key" ON "squads"("slug");

-- CreateIndex
CREATE INDEX "ownership_rules_squad_id_idx" ON "ownership_rules"("squad_id");

-- CreateIndex
CREATE UNIQUE INDEX "ownership_rules_kind_match_value_key" ON "ownership_rules"("kind", "match_value");

-- CreateIndex
CREATE INDEX "cost_daily_day_idx" ON "cost_daily"("day");

-- CreateIndex
CREATE INDEX "cost_daily_team_tag_day_idx" ON "cost_daily"("team_tag", "day");

-- CreateIndex
CREATE INDEX "cost_daily_account_id_day_idx" ON "cost_daily"("account_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "cost_daily_natural_key" ON "cost_daily"("day", "account_id", "service", "region", "team_tag", "environment_tag", "cost_centre_tag");

-- CreateIndex
CREATE INDEX "namespace_cost_daily_day_idx" ON "namespace_cost_daily"("day");

-- CreateIndex
CREATE INDEX "namespace_cost_daily_team_label_day_idx" ON "namespace_cost_daily"("team_label", "day");

-- CreateIndex
CREATE UNIQUE INDEX "namespace_cost_daily_natural_key" ON "namespace_cost_daily"("day", "cluster", "namespace");

-- CreateIndex
CREATE INDEX "resources_kind_gone_on_idx" ON "resources"("kind", "gone_on");

-- CreateIndex
CREATE INDEX "resources_team_tag_idx" ON "resources"("team_tag");

-- CreateIndex
CREATE UNIQUE INDEX "resources_natural_key" ON "resources"("kind", "account_id", "region", "resource_id");

-- CreateIndex
CREATE INDEX "metric_daily_metric_day_idx" ON "metric_daily"("metric", "day");

-- CreateIndex
CREATE UNIQUE INDEX "metric_daily_natural_key" ON "metric_daily"("resource_id", "metric", "day");

-- CreateIndex
CREATE UNIQUE INDEX "prices_natural_key" ON "prices"("kind", "region", "key", "effective_date");

-- CreateIndex
CREATE INDEX "recommendations_status_type_idx" ON "recommendations"("status", "type");

-- CreateIndex
CREATE INDEX "recommendations_squad_id_status_idx" ON "recommendations"("squad_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_natural_key" ON "recommendations"("type", "account_id", "region", "resource_id");

-- CreateIndex
CREATE UNIQUE INDEX "pull_requests_open_key_key" ON "pull_requests"("open_key");

-- CreateIndex
CREATE INDEX "pull_requests_recommendation_id_idx" ON "pull_requests"("recommendation_id");

-- CreateIndex
CREATE INDEX "pull_requests_state_idx" ON "pull_requests"("state");

-- CreateIndex
CREATE UNIQUE INDEX "pull_requests_repo_number_key" ON "pull_requests"("repo", "number");

-- CreateIndex
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at" DESC);

-- CreateIndex
CREATE INDEX "job_runs_status_idx" ON "job_runs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_slot_key" ON "job_runs"("job", "slot");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "ownership_rules" ADD CONSTRAINT "ownership_rules_squad_id_fkey" FOREIGN KEY ("squad_id") REFERENCES "squads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_daily" ADD CONSTRAINT "metric_daily_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_resource_ref_fkey" FOREIGN KEY ("resource_ref") REFERENCES "resources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_squad_id_fkey" FOREIGN KEY ("squad_id") REFERENCES "squads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pull_requests" ADD CONSTRAINT "pull_requests_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
