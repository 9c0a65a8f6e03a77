-- CreateTable
CREATE TABLE "owner_spend_daily" (
    "day" DATE NOT NULL,
    "owner_type" "allocation_owner" NOT NULL,
    "squad" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL(20,10) NOT NULL,
    "job_run_id" TEXT,

    CONSTRAINT "owner_spend_daily_pkey" PRIMARY KEY ("day","owner_type","squad")
);

-- CreateTable
CREATE TABLE "bill_daily" (
    "day" DATE NOT NULL,
    "amount" DECIMAL(20,10) NOT NULL,
    "job_run_id" TEXT,

    CONSTRAINT "bill_daily_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "owner_spend_daily_squad_day_idx" ON "owner_spend_daily"("squad", "day");
