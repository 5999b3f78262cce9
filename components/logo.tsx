import Link from "next/link";

/** The wordmark with a small inline mark (no image request). */
export function Logo() {
  return (
    <Link href="/" className="flex shrink-0 items-center gap-1.5 text-base font-semibold tracking-tight sm:gap-2 sm:text-lg" aria-label="OauthRouter home">
      <svg viewBox="0 0 24 24" className="size-5 sm:size-6" aria-hidden="true">
        <rect width="24" height="24" rx="6" className="fill-indigo-600 dark:fill-indigo-500" />
        <path d="M6 8h4l4 8h4M6 16h4l1.5-3M14 8h4" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>
        Oauth<span className="text-indigo-600 dark:text-indigo-400">Router</span>
      </span>
    </Link>
  );
}
