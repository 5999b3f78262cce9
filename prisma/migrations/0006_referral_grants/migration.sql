-- Referral bonuses wait for the referred account's first successful request, capped per referrer per month.
ALTER TABLE "Referral" ADD COLUMN "grantedAt" TIMESTAMP(3);
ALTER TABLE "Referral" ADD COLUMN "referrerCapped" BOOLEAN NOT NULL DEFAULT false;
-- Referrals made before this were granted at sign-up.
UPDATE "Referral" SET "grantedAt" = "createdAt";
CREATE INDEX "Referral_referrerId_grantedAt_idx" ON "Referral"("referrerId", "grantedAt");
