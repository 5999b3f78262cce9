-- Credentials heal themselves: refusals are counted in a window instead of one taking a credential
-- out of service, and one out of service is checked again in the background on a backoff.
ALTER TABLE "ProviderCredential" ADD COLUMN "refusals" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ProviderCredential" ADD COLUMN "refusalsSince" TIMESTAMP(3);
ALTER TABLE "ProviderCredential" ADD COLUMN "nextCheckAt" TIMESTAMP(3);
ALTER TABLE "ProviderCredential" ADD COLUMN "failedChecks" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "ProviderCredential_nextCheckAt_idx" ON "ProviderCredential"("nextCheckAt");

-- API keys already out of service get their first automatic check soon after the upgrade
-- (subscription tokens and custom endpoints have no cheap check: they wait for their owner).
UPDATE "ProviderCredential" SET "nextCheckAt" = (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
WHERE "status" <> 'active' AND "kind" = 'api_key' AND "provider" <> 'custom';
