-- A ticket can hold several messages: one per PostgreSQL lease (lib/quota/leased-counters.ts).
ALTER TABLE "QuotaTicket" ADD COLUMN "messages" INTEGER NOT NULL DEFAULT 1;
