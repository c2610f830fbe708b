/**
 * Today: the short list of what needs the user now (docs/today.md). The rules are pure (lib/today); this
 * loads the facts once, runs them, adds the items other parts make (TODAY_SOURCES), applies the user's
 * done / snoozed / not relevant marks and orders the list. Kept for one data version (server/cache.ts):
 * the nav's count costs nothing between writes.
 */
import type { DbOrTx } from "@/db/connection";
import { getSettings } from "@/db/settings";
import { listTemplates } from "@/db/templates";
import { listTodayItemStates } from "@/db/today-states";
import type { ClientHistory, Settings } from "@/lib/domain";
import { answerOwedItem, applyStates, chaseItem, orderToday, walkAwayItem, type TodayItem, type TodayList } from "@/lib/today";
import { cachedRead, type Cached } from "./cache";
import { todayFor } from "./clock";
import { loadAllHistories } from "./history";
import { computeAllScores, scoreAllClients, type ClientScore } from "./scores";

/** Items made by other parts of the app (payments overdue, raises due): the same shape, ordered and marked with the rest. */
export type TodaySource = (db: DbOrTx, today: string, settings: Settings) => TodayItem[];

/** Extend with a part's items: `TODAY_SOURCES.push(overduePaymentItems)` (server/payments.ts, server/raises.ts). */
export const TODAY_SOURCES: TodaySource[] = [];

/** The whole-book scores for `today`: the shared cache when it is the book's today (always, in the app). */
function scoresOn(db: DbOrTx, today: string): readonly ClientScore[] {
  return today === todayFor(db) ? scoreAllClients(db) : cachedRead(db, `today:scores:${today}`, () => computeAllScores(db, today));
}

/** The client's latest recorded day: a quote sent or created, a negotiation step, an interaction. */
function lastActivity(h: ClientHistory): string | null {
  let last: string | null = null;
  const see = (day: string | null | undefined) => {
    if (day && (last === null || day > last)) last = day;
  };
  for (const q of h.quotes) {
    see(q.sentOn ?? q.createdAt.slice(0, 10));
    for (const e of q.events) see(e.occurredOn);
  }
  for (const i of h.interactions) see(i.occurredOn);
  return last;
}

/** The user's follow-up message: the default "Follow-up message" template, else any of that kind, else none. */
function followUpTemplate(db: DbOrTx): string | null {
  return listTemplates(db).find((t) => t.kind === "follow_up_message")?.body ?? null;
}

/** Every item the rules and the sources make today, marks not applied, in no particular order. */
function allItems(db: DbOrTx, today: string): Cached<TodayItem[]> {
  return cachedRead(db, `today:items:${today}`, () => {
    const settings = getSettings(db);
    const histories = loadAllHistories(db);
    const template = followUpTemplate(db);
    const items: TodayItem[] = [];
    let scores: Map<number, ClientScore> | null = null;
    for (const h of histories) {
      for (const q of h.quotes) {
        if (q.status !== "sent" && q.status !== "negotiating") continue;
        const answer = answerOwedItem(q, h.client, today, settings.locale);
        if (answer) items.push(answer);
        const chase = chaseItem(q, h.client, h.interactions, settings, today, { template, locale: settings.locale });
        if (chase) items.push(chase);
      }
      if (h.client.status === "active") {
        scores ??= new Map(scoresOn(db, today).map((s) => [s.client.id, s]));
        const score = scores.get(h.client.id);
        const item = score ? walkAwayItem(h.client, score.assessment, today, lastActivity(h)) : null;
        if (item) items.push(item);
      }
    }
    for (const source of TODAY_SOURCES) items.push(...source(db, today, settings));
    return items;
  });
}

/** The item with this key as the rules make it today (marks not applied), or undefined. */
export function findTodayItem(db: DbOrTx, key: string, today: string): TodayItem | undefined {
  return allItems(db, today).find((i) => i.key === key);
}

/** Today's list: open items in the order to do them, and the ones the user's marks hide. */
export function getToday(db: DbOrTx, today: string): Cached<TodayList> {
  return cachedRead(db, `today:list:${today}`, () => {
    const { items, hidden } = applyStates(allItems(db, today), listTodayItemStates(db), today);
    const order = orderToday(hidden.map((h) => ({ ...h.item, hiddenAt: h })));
    return { today, items: orderToday(items), hidden: order.map((o) => o.hiddenAt) };
  });
}

/** How many items are open today (the nav's count). */
export function todayCount(db: DbOrTx, today: string): number {
  return getToday(db, today).items.length;
}
