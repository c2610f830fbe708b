/**
 * Today in sections: one per kind, in the order to do them (lib/today/order.ts), each showing a page of
 * its items (the most pressing first) with an honest count of the rest. The page does not grow with the
 * book: a book with 400 raises due shows 5 of them and "395 more raises due". Which page of each section
 * is shown comes from the address (`?raise_due=2`), parsed by `todayPagesSchema` (lib/today/schemas.ts). Pure.
 */
import { TODAY_ORDER } from "./order";
import type { TodayItem, TodayKind, TodayList } from "./types";

/**
 * Items per page of a section (and of the folded marked items). Five: a card with its actions is about 6 KB
 * of HTML, and a page's cost under load follows its bytes (docs/performance.md).
 */
export const TODAY_PAGE_SIZE = 5;

/** A section's search param is its kind; the folded marked items' is "hidden". */
export type TodaySectionName = TodayKind | "hidden";
export type TodayPages = Partial<Record<TodaySectionName, number>>;

/** One page of a list: which items, where they start, how many in all. */
export interface TodayPage<T> {
  items: T[];
  /** 1-based, clamped to the last page */
  page: number;
  pages: number;
  /** the 0-based index of the first item shown in the whole section */
  start: number;
  total: number;
}

export interface TodaySection extends TodayPage<TodayItem> {
  kind: TodayKind;
}

/** Section headings, in the words of the cards' labels. */
export const SECTION_TITLES: Record<TodayKind, string> = {
  answer_owed: "Answers owed",
  stop_chasing: "Chases to stop",
  follow_up: "Follow-ups due",
  payment_overdue: "Payments overdue",
  walk_away: "Clients to walk away from",
  raise_due: "Raises due",
};

/** "12 more follow-ups due": what a section does not show, counted (one and many). */
const MORE_WORDS: Record<TodaySectionName, [string, string]> = {
  answer_owed: ["answer owed", "answers owed"],
  stop_chasing: ["chase to stop", "chases to stop"],
  follow_up: ["follow-up due", "follow-ups due"],
  payment_overdue: ["payment overdue", "payments overdue"],
  walk_away: ["client to walk away from", "clients to walk away from"],
  raise_due: ["raise due", "raises due"],
  hidden: ["marked item", "marked items"],
};

/** "12 more follow-ups due", "1 more raise due". */
export function moreWords(name: TodaySectionName, n: number): string {
  const [one, many] = MORE_WORDS[name];
  return `${n} more ${n === 1 ? one : many}`;
}

/** "Showing 11–20 of 438." */
export function showingWords(p: Pick<TodayPage<unknown>, "start" | "items" | "total">): string {
  return `Showing ${p.start + 1}\u2013${p.start + p.items.length} of ${p.total}.`;
}

/** The `page`th page (1-based, clamped to what exists) of `items`. */
export function pageOf<T>(items: readonly T[], page = 1, size = TODAY_PAGE_SIZE): TodayPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (p - 1) * size;
  return { items: items.slice(start, start + size), page: p, pages, start, total: items.length };
}

/** The open items (already in the order to do them) in one section per kind present, in TODAY_ORDER; a page of each. */
export function todaySections(items: readonly TodayItem[], pages: TodayPages = {}, size = TODAY_PAGE_SIZE): TodaySection[] {
  const byKind = new Map<TodayKind, TodayItem[]>();
  for (const item of items) {
    const list = byKind.get(item.kind);
    if (list) list.push(item);
    else byKind.set(item.kind, [item]);
  }
  const kinds = [...TODAY_ORDER, ...[...byKind.keys()].filter((k) => !TODAY_ORDER.includes(k))];
  return kinds.flatMap((kind) => {
    const list = byKind.get(kind);
    return list ? [{ kind, ...pageOf(list, pages[kind], size) }] : [];
  });
}

/** Today's list as the page shows it: the open items in sections, a page of the marked ones, the totals. */
export interface TodayPageView {
  today: string;
  /** every open item, shown or not (the summary's count) */
  open: number;
  sections: TodaySection[];
  hidden: TodayPage<TodayList["hidden"][number]>;
  /** the pages asked for, to build the links of the other sections' pages */
  pages: TodayPages;
}

/** What the page renders: bounded by the page size per section, whatever the book's size. */
export function todayView(list: TodayList, pages: TodayPages = {}, size = TODAY_PAGE_SIZE): TodayPageView {
  return { today: list.today, open: list.items.length, sections: todaySections(list.items, pages, size), hidden: pageOf(list.hidden, pages.hidden, size), pages };
}

/**
 * The address of Today with `name` on page `page`, the other sections' pages kept (page 1 is left out),
 * landing on that section: "/?follow_up=2&raise_due=3#today-raise_due".
 */
export function todayPageHref(pages: TodayPages, name: TodaySectionName, page: number): string {
  const next: TodayPages = { ...pages, [name]: page };
  const query = (Object.entries(next) as [TodaySectionName, number][])
    .filter(([, p]) => p > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, p]) => `${k}=${p}`)
    .join("&");
  return `/${query ? `?${query}` : ""}#today-${name}`;
}
