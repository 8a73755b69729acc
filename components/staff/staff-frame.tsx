import Link from "next/link";

/** The staff pages' frame: skip link, a header (site name + whatever the layout puts beside it), main. */
export function StaffFrame({
  siteName,
  suffix,
  skipLabel,
  homeHref,
  aside,
  children,
}: {
  siteName: string;
  suffix: string;
  skipLabel: string;
  homeHref: string;
  aside?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {skipLabel}
      </a>
      <header className="no-print border-b-4 border-brand-700 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href={homeHref} className="flex items-baseline gap-2 text-brand-800">
            <span className="text-2xl font-bold">{siteName}</span>
            <span className="text-sm text-stone-600">{suffix}</span>
          </Link>
          {aside}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
