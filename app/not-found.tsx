import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Any page that does not exist (API paths answer JSON in their own dialect instead). */
export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28" data-testid="not-found">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">Page not found</h1>
      <p className="muted mt-4">There is no page at this address. It may have moved, or the link may have a typo.</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className="btn btn-primary">Go to the home page</Link>
        <Link href="/dashboard" className="btn btn-secondary">Open the dashboard</Link>
        <Link href="/docs" className="btn btn-secondary">Read the docs</Link>
      </div>
    </main>
  );
}
