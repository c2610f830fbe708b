/**
 * The clients list: its order (worst fit first, by name, or by money left on the table), its pages, and
 * one row's words. Pure: the scores come in (already in memory on the server), ids and strings go out, so
 * a page builds only the rows it shows.
 */
import { verdictCappedBy, type VerdictRules } from "./dashboard";
import { label, type Client } from "./domain";
import { formatMoney } from "./money";
import type { FitAssessment, Verdict } from "./worth";

export const CLIENT_SORTS = ["score", "name", "left"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export const CLIENTS_PAGE_SIZE = 50;

export function clientSort(raw: string | undefined): ClientSort {
  return (CLIENT_SORTS as readonly string[]).includes(raw ?? "") ? (raw as ClientSort) : "score";
}

type Scored = { client: Pick<Client, "id" | "name">; assessment: Pick<FitAssessment, "score"> & { settling: { moneyLeftOnTable: number } } };

// one collator for the whole sort: the same order as String#localeCompare, without building one per comparison
const byName = new Intl.Collator().compare;

/**
 * Client ids in list order. Worst fit first (those are the ones to act on), unknown last, ties by name;
 * by name; or most money left on the table first, ties by name.
 */
export function clientOrder(rows: readonly Scored[], sort: ClientSort): number[] {
  const sorted = [...rows].sort((a, b) => byName(a.client.name, b.client.name) || a.client.id - b.client.id);
  // Array#sort is stable: the name order above breaks every tie below
  if (sort === "score") sorted.sort((a, b) => (a.assessment.score ?? 101) - (b.assessment.score ?? 101));
  else if (sort === "left") sorted.sort((a, b) => b.assessment.settling.moneyLeftOnTable - a.assessment.settling.moneyLeftOnTable);
  return sorted.map((r) => r.client.id);
}

export interface ListPage {
  page: number;
  pages: number;
  /** index of the first row shown, and one past the last */
  start: number;
  end: number;
}

/** The page asked for, kept within 1…pages (an unreadable or too-high page shows the first or the last). */
export function listPage(total: number, requested: unknown, size = CLIENTS_PAGE_SIZE): ListPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const n = Number(requested);
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, pages) : 1;
  const start = (page - 1) * size;
  return { page, pages, start, end: Math.min(start + size, total) };
}

/** A shown row in words: everything the card and the table row say, nothing else. */
export interface ClientListRow {
  id: number;
  name: string;
  /** only when it says more than the name */
  company: string | null;
  score: number | null;
  verdict: Verdict;
  /** why the verdict is not its score's band (a red flag), first letter up; null when it is */
  capped: string | null;
  /** money left on the table, or "–" */
  left: string;
  status: string;
  source: string;
}

type RowSettings = VerdictRules & { currency: string; locale: string };

export function clientListRow({ client, assessment }: { client: Client; assessment: FitAssessment }, settings: RowSettings): ClientListRow {
  const capped = verdictCappedBy(assessment, settings);
  const left = assessment.settling.moneyLeftOnTable;
  return {
    id: client.id,
    name: client.name,
    company: client.company && client.company !== client.name ? client.company : null,
    score: assessment.score,
    verdict: assessment.verdict,
    capped: capped ? capped.charAt(0).toUpperCase() + capped.slice(1) : null,
    left: left ? formatMoney(left, settings.currency, settings.locale) : "–",
    status: label(client.status),
    source: label(client.leadSource),
  };
}

/** Binary search in scores sorted by client id (as scoreAllClients returns them). */
export function findById<T extends { client: { id: number } }>(byId: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = byId.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = byId[mid].client.id;
    if (at === id) return byId[mid];
    if (at < id) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}
