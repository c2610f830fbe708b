"use client";
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Footprints } from "lucide-react";
import { plural } from "@/lib/text";

const links = [
  { href: "/", label: "Today" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/clients", label: "Clients" },
  { href: "/offer", label: "Check an offer" },
  { href: "/rates", label: "Rate card" },
  { href: "/settings", label: "Settings" },
  { href: "/data", label: "Your data" },
];

/** Whether this browser is signed in with a password (the session cookie is httpOnly, so ask the server). */
function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { signedIn?: boolean } | null) => {
        if (live) setSignedIn(Boolean(s?.signedIn));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return signedIn;
}

/** Today's open items as a badge (the link's name says it in words). Nothing when none is open (or unknown). */
function OpenCount({ count }: { count: number | null | undefined }) {
  if (!count) return null;
  // the space keeps "Today 4" the visible text, so the link's name ("Today, 4 open items") contains it
  return (
    <>
      {" "}
      <span aria-hidden data-testid="today-count" className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-sky-700 px-1.5 text-xs font-semibold leading-5 text-white dark:bg-sky-300 dark:text-sky-950">
        {count}
      </span>
    </>
  );
}

/**
 * `quickLog`: the quick-capture palette's button (the layout passes it with its server actions);
 * `todayCount`: Today's open items, counted by the layout on the server (null: not known, e.g. signed out).
 */
export function NavBar({ quickLog, todayCount }: { quickLog?: ReactNode; todayCount?: number | null } = {}) {
  const pathname = usePathname();
  const signedIn = useSignedIn();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  // on a phone the links are one row that scrolls sideways: keep the page's own link in view
  const row = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const current = row.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (row.current && current && row.current.scrollWidth > row.current.clientWidth) row.current.scrollLeft = Math.max(0, current.offsetLeft - row.current.offsetLeft - 16);
  }, [pathname]);
  return (
    <header className="print:hidden border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      {/* phone: the name, quick log (and sign out) on one row, the links on one sideways-scrolling row below; wider: one wrapping row */}
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-1 px-4 py-1 sm:px-6 sm:py-2">
        <Link href="/" className="order-1 mr-3 flex items-center gap-2 py-2 font-semibold text-stone-900 dark:text-stone-100">
          <Footprints aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
          Walkaway
        </Link>
        {quickLog ? <div className="order-2 ml-auto sm:order-3">{quickLog}</div> : null}
        <ul ref={row} className="order-4 -mx-4 flex w-[calc(100%+2rem)] flex-nowrap gap-1 overflow-x-auto px-4 [scrollbar-width:thin] sm:order-2 sm:mx-0 sm:w-auto sm:flex-wrap sm:overflow-visible sm:px-0">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={isActive(l.href) ? "page" : undefined}
                // "Today, 4 open items": the badge's number, in words
                aria-label={l.href === "/" && todayCount ? `${l.label}, ${plural(todayCount, "open item")}` : undefined}
                className={`inline-flex min-h-10 items-center whitespace-nowrap rounded-md px-3 text-sm ${
                  isActive(l.href)
                    ? "bg-sky-50 font-semibold text-sky-900 dark:bg-sky-950 dark:text-sky-100"
                    : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
                } ${l.href === "/offer" ? "font-semibold text-sky-800 dark:text-sky-300" : ""}`}
              >
                {l.label}
                {l.href === "/" ? <OpenCount count={todayCount} /> : null}
              </Link>
            </li>
          ))}
        </ul>
        {signedIn ? (
          <form method="post" action="/api/auth/logout" className={`order-3 sm:order-4 ${quickLog ? "" : "ml-auto"}`}>
            <button type="submit" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800">
              Sign out
            </button>
          </form>
        ) : null}
      </nav>
    </header>
  );
}
