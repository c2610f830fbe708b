import type { Metadata } from "next";
import { verdictCappedBy } from "@/lib/dashboard";
import Link from "next/link";
import { Search } from "lucide-react";
import { requestDb } from "@/server/database";
import { listClients } from "@/server/clients";
import { scoreAllClients } from "@/server/scores";
import { CLIENT_STATUSES, label } from "@/lib/domain";
import { clientListQuerySchema } from "@/lib/schemas";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ScoreBar, VerdictBadge } from "@/components/fit";
import { formatMoney } from "@/lib/money";
import { getSettings } from "@/server/settings";

export const metadata: Metadata = { title: "Clients" };

const SORTS = ["name", "score", "left"] as const;
const PAGE_SIZE = 50;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // a search box forgives: an over-long search is cut to what the schema allows, an unknown status ignored
  const params = clientListQuerySchema.parse({ q: one(raw.q)?.trim().slice(0, 200) || undefined, status: one(raw.status) || undefined });
  const sort = SORTS.includes(one(raw.sort) as never) ? (one(raw.sort) as (typeof SORTS)[number]) : "score";
  const db = await requestDb();
  const settings = getSettings(db);
  const visible = new Set(listClients(db, params).map((c) => c.id));
  const rows = scoreAllClients(db).filter((r) => visible.has(r.client.id));
  rows.sort((a, b) => {
    if (sort === "name") return a.client.name.localeCompare(b.client.name);
    if (sort === "left") return b.assessment.settling.moneyLeftOnTable - a.assessment.settling.moneyLeftOnTable;
    // worst fit first: those are the ones to act on; unknown last
    return (a.assessment.score ?? 101) - (b.assessment.score ?? 101) || a.client.name.localeCompare(b.client.name);
  });
  const link = (over: { sort?: string; page?: number }) => {
    const sp = new URLSearchParams();
    if (params.q) sp.set("q", params.q);
    if (params.status) sp.set("status", params.status);
    sp.set("sort", over.sort ?? sort);
    if (over.page && over.page > 1) sp.set("page", String(over.page));
    return `/clients?${sp}`;
  };
  const sortLink = (s: string) => link({ sort: s });
  const leftText = (minor: number) => (minor ? formatMoney(minor, settings.currency, settings.locale) : "–");
  // a big book is paged after sorting, so "worst first" stays true across pages
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const requested = Number(one(raw.page));
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <PageHeader title="Clients" actions={<ButtonLink href="/clients/new">Add a client</ButtonLink>}>
        Each client scored against the worth criteria. Worst fit first.
      </PageHeader>
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/clients">
        <div className="grow">
          <label htmlFor="client-search" className="block text-sm font-medium">
            Search
          </label>
          <div className="relative mt-1">
            <Search aria-hidden className="pointer-events-none absolute left-3 top-3 size-4 text-stone-500 dark:text-stone-400" />
            <input
              id="client-search"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder="Name, company or email"
              className="block min-h-10 w-full rounded-md border border-stone-300 bg-white py-2 pl-9 pr-3 text-sm dark:border-stone-600 dark:bg-stone-900"
            />
          </div>
        </div>
        <div>
          <label htmlFor="client-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="client-status" name="status" defaultValue={params.status ?? ""} className="mt-1 block min-h-10 rounded-md border border-stone-300 bg-white px-3 text-sm dark:border-stone-600 dark:bg-stone-900">
            <option value="">Any status</option>
            {CLIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <button type="submit" className="min-h-10 rounded-md border border-stone-300 bg-white px-4 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-900">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        params.q || params.status ? (
          <EmptyState title="No client matches" action={<ButtonLink href="/clients" variant="secondary">Clear the filters</ButtonLink>}>
            Try another name, or any status.
          </EmptyState>
        ) : (
          <EmptyState title="No clients yet" action={<ButtonLink href="/clients/new">Add your first client</ButtonLink>}>
            Add a client, then log their quotes and every discount they ask for.
          </EmptyState>
        )
      ) : (
        <div className="rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          {/* a phone gets one card per client, with everything the table's row has; the table from 640px */}
          <nav aria-label="Sort clients" className="flex flex-wrap items-center gap-x-1 border-b border-stone-200 px-3 py-1 text-sm sm:hidden dark:border-stone-800">
            <span className="text-stone-600 dark:text-stone-400">Sort:</span>
            {(
              [
                ["score", "Worst fit first"],
                ["name", "Name"],
                ["left", "Left on the table"],
              ] as const
            ).map(([key, text]) => (
              <Link
                key={key}
                href={sortLink(key)}
                aria-current={sort === key ? "true" : undefined}
                className={`inline-flex min-h-10 items-center rounded-md px-2 underline-offset-2 hover:underline ${sort === key ? "font-semibold text-stone-900 dark:text-stone-100" : "text-sky-800 dark:text-sky-300"}`}
              >
                {text}
              </Link>
            ))}
          </nav>
          <ul aria-label="Clients with fit score and verdict" className="divide-y divide-stone-200 sm:hidden dark:divide-stone-800" data-testid="client-cards">
            {shown.map(({ client, assessment }) => (
              <li key={client.id} className="p-3">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link href={`/clients/${client.id}`} className="break-words font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
                      {client.name}
                    </Link>
                    {client.company && client.company !== client.name ? <div className="break-words text-xs text-stone-600 dark:text-stone-400">{client.company}</div> : null}
                  </div>
                  <div className="text-right">
                    <VerdictBadge verdict={assessment.verdict} />
                    <CappedNote reason={verdictCappedBy(assessment, settings)} />
                  </div>
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  <div className="col-span-2 flex items-center gap-2">
                    <dt className="text-stone-600 dark:text-stone-400">Fit score</dt>
                    <dd>
                      <ScoreBar score={assessment.score} verdict={assessment.verdict} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-stone-600 dark:text-stone-400">Left on the table</dt>
                    <dd className="tabular-nums">{leftText(assessment.settling.moneyLeftOnTable)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-stone-600 dark:text-stone-400">Status · source</dt>
                    <dd>
                      {label(client.status)} · {label(client.leadSource)}
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
              <tr>
                <th scope="col" className="px-3 py-2" aria-sort={sort === "name" ? "ascending" : undefined}>
                  <Link href={sortLink("name")} className="underline-offset-2 hover:underline">Client</Link>
                </th>
                <th scope="col" className="px-3 py-2" aria-sort={sort === "score" ? "ascending" : undefined}>
                  <Link href={sortLink("score")} className="underline-offset-2 hover:underline">Fit score</Link>
                </th>
                <th scope="col" className="px-3 py-2">Verdict</th>
                <th scope="col" className="px-3 py-2" aria-sort={sort === "left" ? "descending" : undefined}>
                  <Link href={sortLink("left")} className="underline-offset-2 hover:underline">Left on the table</Link>
                </th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Source</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ client, assessment }) => (
                <tr key={client.id} className="border-b border-stone-100 last:border-0 dark:border-stone-800">
                  <td className="px-3 py-2">
                    <Link href={`/clients/${client.id}`} className="font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
                      {client.name}
                    </Link>
                    {client.company && client.company !== client.name ? <div className="text-xs text-stone-600 dark:text-stone-400">{client.company}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <ScoreBar score={assessment.score} verdict={assessment.verdict} />
                  </td>
                  <td className="px-3 py-2">
                    <VerdictBadge verdict={assessment.verdict} />
                    <CappedNote reason={verdictCappedBy(assessment, settings)} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">{leftText(assessment.settling.moneyLeftOnTable)}</td>
                  <td className="px-3 py-2">{label(client.status)}</td>
                  <td className="px-3 py-2">{label(client.leadSource)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {pages > 1 ? (
            <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-stone-200 px-3 py-2 text-sm dark:border-stone-800">
              <span>
                Clients {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, rows.length)} of {rows.length}
              </span>
              <span className="flex gap-2">
                {page > 1 ? (
                  <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={link({ page: page - 1 })}>
                    Previous
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link className="inline-flex min-h-10 items-center rounded-md px-3 underline" href={link({ page: page + 1 })}>
                    Next
                  </Link>
                ) : null}
              </span>
            </nav>
          ) : null}
        </div>
      )}
    </>
  );
}

/** Under a verdict its score alone would not give: the red flag that set it. */
function CappedNote({ reason }: { reason: string | null }) {
  return reason ? <p className="mt-1 max-w-48 text-xs text-stone-600 dark:text-stone-400">{reason.charAt(0).toUpperCase() + reason.slice(1)}</p> : null;
}
