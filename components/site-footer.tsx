import Link from "next/link";
import { apiPublicUrl } from "@/lib/config/env";

const footerLink = "hover:text-indigo-600 dark:hover:text-indigo-400";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-zinc-500 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">OauthRouter</span> · your own keys, one endpoint, no token markup.
        </p>
        <nav aria-label="Footer" className="flex shrink-0 gap-4">
          <Link href="/docs" className={footerLink}>Docs</Link>
          <a href="/openapi.json" className={footerLink}>OpenAPI</a>
          <Link href="/pricing" className={footerLink}>Pricing</Link>
        </nav>
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-6 text-sm text-zinc-500">
        <p className="min-w-0 truncate">
          API base URL <code className="font-mono text-zinc-700 dark:text-zinc-300">{apiPublicUrl()}/v1</code>
        </p>
      </div>
    </footer>
  );
}
