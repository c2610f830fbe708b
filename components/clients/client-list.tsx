"use client";
/**
 * The clients list's rows: a card per client on a phone, a table from 640px. A client component on
 * purpose: the page sends each shown row once as a few words and numbers (`ClientListRow`), and both
 * views are drawn from them, instead of the server sending both views' markup twice (HTML and payload).
 * Styling sits on the list, not on each cell; the verdict icons are drawn once and pointed to.
 */
import Link from "next/link";
import type { ClientListRow, ClientSort } from "@/lib/client-list";
import { ScoreBar, VerdictBadge, VerdictIcons } from "@/components/fit";

const SPRITE = "client-list-verdict";
const NAME_LINK = "font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300";
const SORT_WORDS: [ClientSort, string][] = [
  ["score", "Worst fit first"],
  ["name", "Name"],
  ["left", "Left on the table"],
];

export interface ClientListPager {
  from: number;
  to: number;
  total: number;
  prevHref: string | null;
  nextHref: string | null;
}

export function ClientList({ rows, sort, sortHrefs, pager }: { rows: ClientListRow[]; sort: ClientSort; sortHrefs: Record<ClientSort, string>; pager: ClientListPager | null }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <VerdictIcons sprite={SPRITE} />
      {/* a phone gets one card per client, with everything the table's row has; the table from 640px */}
      <nav aria-label="Sort clients" className="flex flex-wrap items-center gap-x-1 border-b border-stone-200 px-3 py-1 text-sm sm:hidden dark:border-stone-800">
        <span className="text-stone-600 dark:text-stone-400">Sort:</span>
        {SORT_WORDS.map(([key, text]) => (
          <Link
            key={key}
            href={sortHrefs[key]}
            aria-current={sort === key ? "true" : undefined}
            className={`inline-flex min-h-10 items-center rounded-md px-2 underline-offset-2 hover:underline ${sort === key ? "font-semibold text-stone-900 dark:text-stone-100" : "text-sky-800 dark:text-sky-300"}`}
          >
            {text}
          </Link>
        ))}
      </nav>
      <ul
        aria-label="Clients with fit score and verdict"
        className="divide-y divide-stone-200 sm:hidden dark:divide-stone-800 [&_dt]:text-stone-600 dark:[&_dt]:text-stone-400 [&>li]:p-3"
        data-testid="client-cards"
      >
        {rows.map((r) => (
          <li key={r.id}>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0 break-words">
                <Link href={`/clients/${r.id}`} prefetch={false} className={NAME_LINK}>
                  {r.name}
                </Link>
                <Company company={r.company} />
              </div>
              <div className="text-right">
                <VerdictBadge verdict={r.verdict} sprite={SPRITE} />
                <Capped text={r.capped} />
              </div>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <div className="col-span-2 flex items-center gap-2">
                <dt>Fit score</dt>
                <dd>
                  <ScoreBar score={r.score} verdict={r.verdict} />
                </dd>
              </div>
              <div>
                <dt className="text-xs">Left on the table</dt>
                <dd className="tabular-nums">{r.left}</dd>
              </div>
              <div>
                <dt className="text-xs">Status · source</dt>
                <dd>
                  {r.status} · {r.source}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Clients with fit score and verdict</caption>
          <thead className="border-b border-stone-200 text-xs uppercase text-stone-600 dark:border-stone-800 dark:text-stone-400">
            <tr className="[&>th]:px-3 [&>th]:py-2">
              <th scope="col" aria-sort={sort === "name" ? "ascending" : undefined}>
                <Link href={sortHrefs.name} className="underline-offset-2 hover:underline">
                  Client
                </Link>
              </th>
              <th scope="col" aria-sort={sort === "score" ? "ascending" : undefined}>
                <Link href={sortHrefs.score} className="underline-offset-2 hover:underline">
                  Fit score
                </Link>
              </th>
              <th scope="col">Verdict</th>
              <th scope="col" aria-sort={sort === "left" ? "descending" : undefined}>
                <Link href={sortHrefs.left} className="underline-offset-2 hover:underline">
                  Left on the table
                </Link>
              </th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody className="[&>tr]:border-b [&>tr]:border-stone-100 [&>tr:last-child]:border-0 dark:[&>tr]:border-stone-800 [&_td]:px-3 [&_td]:py-2">
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/clients/${r.id}`} prefetch={false} className={NAME_LINK}>
                    {r.name}
                  </Link>
                  <Company company={r.company} />
                </td>
                <td>
                  <ScoreBar score={r.score} verdict={r.verdict} />
                </td>
                <td>
                  <VerdictBadge verdict={r.verdict} sprite={SPRITE} />
                  <Capped text={r.capped} />
                </td>
                <td className="tabular-nums">{r.left}</td>
                <td>{r.status}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pager ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-200 px-3 py-2 text-sm dark:border-stone-800">
          <span>
            Clients {pager.from}–{pager.to} of {pager.total}
          </span>
          <span className="flex gap-2">
            {pager.prevHref ? (
              <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={pager.prevHref}>
                Previous
              </Link>
            ) : null}
            {pager.nextHref ? (
              <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={pager.nextHref}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </div>
  );
}

function Company({ company }: { company: string | null }) {
  return company ? <div className="text-xs text-stone-600 dark:text-stone-400">{company}</div> : null;
}

/** Under a verdict its score alone would not give: the red flag that set it. */
function Capped({ text }: { text: string | null }) {
  return text ? <p className="mt-1 max-w-48 text-xs text-stone-600 dark:text-stone-400">{text}</p> : null;
}
