const BAR = "animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

/**
 * A dashboard tab while its data is on the way (app/dashboard/<tab>/loading.tsx): its name at
 * once and grey blocks where the content will be, announced to screen readers as loading.
 */
export function PageSkeleton({ title, blocks = 2 }: { title: string; blocks?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label={`Loading ${title}`} data-testid="page-loading" className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <div className={`mt-2 h-4 w-full max-w-md ${BAR}`} />
      </header>
      {Array.from({ length: blocks }, (_, index) => (
        <div key={index} className="card space-y-4" aria-hidden="true">
          <div className={`h-5 w-40 ${BAR}`} />
          <div className={`h-9 ${BAR} opacity-70`} />
          <div className={`h-9 w-3/4 ${BAR} opacity-70`} />
        </div>
      ))}
    </div>
  );
}
