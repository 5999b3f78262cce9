"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// One line per dashboard page.
const PAGES = [
  { href: "/dashboard/api", label: "My API" },
  { href: "/dashboard/providers", label: "Providers" },
  { href: "/dashboard/keys", label: "Keys" },
  { href: "/dashboard/usage", label: "Usage" },
  { href: "/dashboard/referrals", label: "Referrals" },
  { href: "/dashboard/billing", label: "Billing" },
  { href: "/dashboard/settings", label: "Settings" },
];

export function DashboardNav() {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: bring the current one fully into view (never the page).
  useEffect(() => {
    const reveal = () => {
      const bar = nav.current;
      const current = bar?.querySelector<HTMLElement>('[aria-current="page"]');
      if (!bar || !current) return;
      const overflowRight = current.offsetLeft + current.offsetWidth - (bar.scrollLeft + bar.clientWidth);
      if (overflowRight > 0) bar.scrollLeft += overflowRight + 32;
      else if (current.offsetLeft < bar.scrollLeft) bar.scrollLeft = current.offsetLeft;
    };
    reveal();
    window.addEventListener("resize", reveal);
    return () => window.removeEventListener("resize", reveal);
  }, [pathname]);
  return (
    <nav ref={nav} aria-label="Dashboard" className="relative -mb-px flex gap-1 overflow-x-auto text-sm [scrollbar-width:none] after:w-6 after:shrink-0 after:content-[''] max-sm:[mask-image:linear-gradient(to_right,black_calc(100%-2rem),transparent)]">
      {PAGES.map((page) => {
        const active = pathname === page.href || pathname.startsWith(`${page.href}/`);
        return (
          <Link
            key={page.href}
            href={page.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-3 py-2.5 whitespace-nowrap transition-colors ${
              active
                ? "border-indigo-600 font-medium text-zinc-900 dark:border-indigo-400 dark:text-zinc-100"
                : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-700 dark:hover:text-zinc-100"
            }`}
          >
            {page.label}
          </Link>
        );
      })}
    </nav>
  );
}
