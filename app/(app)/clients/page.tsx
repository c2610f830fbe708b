import type { Metadata } from "next";
import { Search } from "lucide-react";
import { requestDb } from "@/server/database";
import { clientListPage } from "@/server/clients";
import { CLIENT_SORTS, clientSort, type ClientSort } from "@/lib/client-list";
import { CLIENT_STATUSES, label } from "@/lib/domain";
import { clientListQuerySchema } from "@/lib/schemas";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ClientList } from "@/components/clients/client-list";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // a search box forgives: an over-long search is cut to what the schema allows, an unknown status ignored
  const params = clientListQuerySchema.parse({ q: one(raw.q)?.trim().slice(0, 200) || undefined, status: one(raw.status) || undefined });
  const sort = clientSort(one(raw.sort));
  const db = await requestDb();
  // a big book is paged after sorting, so "worst first" stays true across pages; only the shown rows are built
  const list = clientListPage(db, params, sort, one(raw.page));
  const link = (over: { sort?: ClientSort; page?: number }) => {
    const sp = new URLSearchParams();
    if (params.q) sp.set("q", params.q);
    if (params.status) sp.set("status", params.status);
    sp.set("sort", over.sort ?? sort);
    if (over.page && over.page > 1) sp.set("page", String(over.page));
    return `/clients?${sp}`;
  };
  const sortHrefs = Object.fromEntries(CLIENT_SORTS.map((s) => [s, link({ sort: s })])) as Record<ClientSort, string>;
  const pager =
    list.pages > 1
      ? {
          from: list.start + 1,
          to: list.end,
          total: list.total,
          prevHref: list.page > 1 ? link({ page: list.page - 1 }) : null,
          nextHref: list.page < list.pages ? link({ page: list.page + 1 }) : null,
        }
      : null;
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
      {list.total === 0 ? (
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
        <ClientList rows={list.rows} sort={sort} sortHrefs={sortHrefs} pager={pager} />
      )}
    </>
  );
}
