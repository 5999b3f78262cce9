import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { UsageRequestDetail } from "@/components/usage-request-detail";
import { requireUser } from "@/lib/auth/current-user";
import { usageDetail } from "@/lib/services/usage/usage-detail";
import { validTimeZone } from "@/lib/services/usage/usage-range";

export const metadata: Metadata = { title: "Request" };

export default async function UsageRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tz?: string }> }) {
  const { id } = await params;
  const timeZone = validTimeZone((await searchParams).tz);
  const user = await requireUser(`/dashboard/usage/requests/${encodeURIComponent(id)}`);
  const row = await usageDetail(user.id, id);
  if (!row) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="Request">Generation <span className="font-mono break-all">{row.id}</span></PageHeader>
      <UsageRequestDetail row={row} timeZone={timeZone} />
    </div>
  );
}
