"use client";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Footprints } from "lucide-react";

const links = [
  { href: "/", label: "Dashboard" },
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

/** `quickLog`: the quick-capture palette's button (the layout passes it with its server actions). */
export function NavBar({ quickLog }: { quickLog?: ReactNode } = {}) {
  const pathname = usePathname();
  const signedIn = useSignedIn();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="mr-3 flex items-center gap-2 py-2 font-semibold text-stone-900 dark:text-stone-100">
          <Footprints aria-hidden className="size-5 text-sky-700 dark:text-sky-400" />
          Walkaway
        </Link>
        {quickLog ? <div className="ml-auto sm:order-last sm:ml-auto">{quickLog}</div> : null}
        <ul className="flex flex-wrap gap-1">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={isActive(l.href) ? "page" : undefined}
                className={`inline-flex min-h-10 items-center rounded-md px-3 text-sm ${
                  isActive(l.href)
                    ? "bg-sky-50 font-semibold text-sky-900 dark:bg-sky-950 dark:text-sky-100"
                    : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
                } ${l.href === "/offer" ? "font-semibold text-sky-800 dark:text-sky-300" : ""}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        {signedIn ? (
          <form method="post" action="/api/auth/logout" className="ml-auto">
            <button type="submit" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800">
              Sign out
            </button>
          </form>
        ) : null}
      </nav>
    </header>
  );
}
