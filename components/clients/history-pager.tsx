import Link from "next/link";
import type { ListPage } from "@/lib/client-list";

/**
 * Newer and older pages of a long history (the client page's quotes and timeline): each page is a few
 * dozen rows, so the page never grows with the history, however long it gets.
 */
export function HistoryPager({ label, noun, at, total, href, locale }: { label: string; noun: string; at: ListPage; total: number; href: (page: number) => string; locale: string }) {
  if (at.pages <= 1) return null;
  const n = new Intl.NumberFormat(locale);
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>
        {noun} {n.format(at.start + 1)}–{n.format(at.end)} of {n.format(total)}
      </span>
      <span className="flex gap-2">
        {at.page > 1 ? (
          <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={href(at.page - 1)}>
            Newer
          </Link>
        ) : null}
        {at.page < at.pages ? (
          <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={href(at.page + 1)}>
            Older
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
