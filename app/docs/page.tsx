import type { Metadata } from "next";
import { DocsPage } from "@/components/docs/docs-page";
import { env } from "@/lib/config/env";
import { configuredHosts } from "@/lib/docs/hosts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Docs", description: "The OauthRouter API: quickstart, endpoints, errors, limits, SDK and tool setups." };

export default function DocsRoute() {
  const config = env();
  return (
    <DocsPage
      hosts={configuredHosts()}
      keepAliveMs={config.STREAM_KEEPALIVE_MS}
      referrerBonus={config.REFERRAL_BONUS_REFERRER}
      referredBonus={config.REFERRAL_BONUS_REFERRED}
    />
  );
}
