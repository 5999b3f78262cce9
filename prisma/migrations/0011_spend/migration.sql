-- Spend: cost per request, app attribution, dollar budgets per token and their counters.
ALTER TABLE "UsageEvent" ADD COLUMN "model" TEXT;
ALTER TABLE "UsageEvent" ADD COLUMN "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageEvent" ADD COLUMN "costMicros" INTEGER;
ALTER TABLE "UsageEvent" ADD COLUMN "costEstimated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "UsageEvent" ADD COLUMN "appTitle" TEXT;
ALTER TABLE "UsageEvent" ADD COLUMN "appReferer" TEXT;

-- Rows written before: the provider's model name under the provider, or the model asked for.
UPDATE "UsageEvent" SET "model" = CASE
  WHEN "provider" IS NOT NULL AND "modelUsed" IS NOT NULL THEN "provider" || '/' || regexp_replace("modelUsed", '^models/', '')
  ELSE "modelRequested" END;

ALTER TABLE "ApiToken" ADD COLUMN "limitUsd" DOUBLE PRECISION;
ALTER TABLE "ApiToken" ADD COLUMN "limitUsdReset" "LimitReset" NOT NULL DEFAULT 'monthly';

CREATE TABLE "SpendCounter" (
    "key" TEXT NOT NULL,
    "micros" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SpendCounter_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "SpendTicket" (
    "requestId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpendTicket_pkey" PRIMARY KEY ("requestId", "key")
);
