import Link from "next/link";

interface PaginationProps {
  label: string;
  page: number;
  pageCount: number;
  /** The link to another page, keeping the page's other query parameters. */
  hrefFor(page: number): string;
}

/** "Previous" and "Next" links with "Page N of M"; a link that would leave the range is shown disabled. */
export function Pagination({ label, page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const linkClasses = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50";
  const disabledClasses = "rounded-md border border-slate-200 px-3 py-1 text-sm text-slate-400";

  return (
    <nav aria-label={label} className="flex items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkClasses}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClasses}>
          Previous
        </span>
      )}
      <span className="text-sm text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClasses}>
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClasses}>
          Next
        </span>
      )}
    </nav>
  );
}
