import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { DashboardNav } from "@/components/dashboard-nav";
import { QueryProvider } from "@/components/query-provider";
import { SignOutButton } from "@/components/sign-out-button";
import { requireUser } from "@/lib/auth/current-user";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/requested-path";
import { PLANS } from "@/lib/quota/plans";

export const dynamic = "force-dynamic";
// Each tab names itself ("Usage"); the template makes it "Usage · OauthRouter", like the public pages.
export const metadata: Metadata = { title: { default: "Dashboard · OauthRouter", template: "%s · OauthRouter" } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser((await headers()).get(REQUESTED_PATH_HEADER) ?? "/dashboard");
  return (
    <>
      <div className="border-b border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/30">
        <div className="mx-auto max-w-6xl px-4">
          <div className="flex items-center justify-between gap-3 pt-4 pb-2">
            <div className="flex min-w-0 items-center gap-2 text-sm">
              <span className="truncate text-zinc-600 dark:text-zinc-400" data-testid="user-email">{user.email}</span>
              <span className="shrink-0 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" data-testid="user-plan">
                {PLANS[user.plan].name}
              </span>
            </div>
            <SignOutButton />
          </div>
          <DashboardNav />
        </div>
      </div>
      <main className="mx-auto max-w-6xl px-4 py-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
