import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { UsageLive } from "@/components/usage-live";
import { requireUser } from "@/lib/auth/current-user";
import { toUsageJson, usageFilters } from "@/lib/services/usage/usage-json";
import { filterQuery } from "@/lib/services/usage/usage-filter";
import { usageSummary } from "@/lib/services/usage/usage-summary";

export const metadata: Metadata = { title: "Usage" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/dashboard/usage");
  const params = await searchParams;
  const filters = usageFilters({ get: (name) => (typeof params[name] === "string" ? (params[name] as string) : null) });
  const initial = toUsageJson(await usageSummary(user, filters), filters);
  return (
    <div className="space-y-6">
      <PageHeader title="Usage">What your requests cost at your providers&apos; prices, with requests, tokens and messages, updated live while this page is open.</PageHeader>
      <UsageLive initial={initial} query={filterQuery(filters).toString()} zoneGiven={typeof params.tz === "string"} renderedAt={Date.now()} />
    </div>
  );
}
