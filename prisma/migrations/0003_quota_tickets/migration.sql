CREATE TABLE "QuotaTicket" (
    "requestId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuotaTicket_pkey" PRIMARY KEY ("requestId", "key")
);
