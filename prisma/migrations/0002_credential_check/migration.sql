-- Providers checks a credential with the provider before saving it, and says when it could not.
ALTER TABLE "ProviderCredential" ADD COLUMN "verifiedAt" TIMESTAMP(3);
ALTER TABLE "ProviderCredential" ADD COLUMN "checkNote" TEXT;
