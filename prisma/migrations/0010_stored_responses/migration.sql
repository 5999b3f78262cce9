-- Responses API conversation state (POST /v1/responses with store): one row per stored response,
-- owned by an account, readable for 30 days. The key includes the account, so an id an upstream
-- chose can never touch another account's row.
CREATE TABLE "StoredResponse" (
    "userId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "previousResponseId" TEXT,
    "response" JSONB NOT NULL,
    "inputItems" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "StoredResponse_pkey" PRIMARY KEY ("userId", "id")
);
CREATE INDEX "StoredResponse_expiresAt_idx" ON "StoredResponse"("expiresAt");
ALTER TABLE "StoredResponse" ADD CONSTRAINT "StoredResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
