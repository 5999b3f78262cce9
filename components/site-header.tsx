import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { Logo } from "./logo";

const navLink = "rounded-md px-2 py-1.5 whitespace-nowrap text-zinc-700 hover:text-indigo-600 dark:text-zinc-300 dark:hover:text-indigo-400";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <nav aria-label="Site" className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4">
        <Logo />
        <div className="flex shrink-0 items-center gap-0.5 text-sm sm:gap-3">
          <Link href="/docs" className={navLink}>Docs</Link>
          {/* On a phone Pricing lives in the footer and on the landing page, leaving room for Docs. */}
          <Link href="/pricing" className={`${navLink} hidden sm:block`}>Pricing</Link>
          {user ? (
            <Link href="/dashboard" className="btn btn-primary btn-sm ml-1">Dashboard</Link>
          ) : (
            <>
              <Link href="/signin" className={navLink}>Sign in</Link>
              <Link href="/signup" className="btn btn-primary btn-sm ml-1">Sign up</Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
