import { apiPublicUrl } from "@/lib/config/env";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-zinc-500 sm:flex-row sm:items-center sm:justify-between">
        <p>
          <span className="font-medium text-zinc-700 dark:text-zinc-300">OauthRouter</span> · your own keys, one endpoint, no token markup.
        </p>
        <p className="min-w-0 truncate">
          API base URL <code className="font-mono text-zinc-700 dark:text-zinc-300">{apiPublicUrl()}/v1</code>
        </p>
      </div>
    </footer>
  );
}
