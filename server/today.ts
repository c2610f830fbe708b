/**
 * Today: the short list of what needs the user now (docs/today.md). The rules are pure (lib/today); this
 * loads the facts once, runs them, adds the items other parts make (TODAY_SOURCES), applies the user's
 * done / snoozed / not relevant marks and orders the list. Kept for one data version (server/cache.ts):
 * the nav's count costs nothing between writes.
 */
import { findClient } from "@/db/clients";
import { sqliteOf, type DbOrTx } from "@/db/connection";
import { connectionKey } from "@/db/data-version";
import { listAllClientRates } from "@/db/client-rates";
import { listRatePlans } from "@/db/rate-plans";
import { latestScoreChange, scoreChangesSince } from "@/db/score-changes";
import { findQuote } from "@/db/quotes";
import { readOpenQuoteFacts } from "@/db/today";
import { getSettings } from "@/db/settings";
import { listTemplates } from "@/db/templates";
import { listTodayItemStates } from "@/db/today-states";
import type { Client, ClientHistory, Interaction, QuoteWithEvents, Settings } from "@/lib/domain";
import { answerOwedItem, applyStates, chaseItem, oneMessagePerClient, orderToday, walkAwayItem, type TodayItem, type TodayList } from "@/lib/today";
import { cachedRead, processWide, type Cached } from "./cache";
import { overduePaymentItems } from "./payments";
import { raiseDueItems } from "./raises";
import { todayFor } from "./clock";
import { findClientHistory, loadClientHistory } from "./history";
import { computeAllScores, computeClientScore, scoreAllClients, scoreClient, type ClientScore } from "./scores";

/**
 * Items made by other parts of the app (payments overdue, raises due): the same shape, ordered and marked
 * with the rest. With `clientIds`, only those clients' items (Today patches its list after a write); an
 * item must depend only on its own client's rows, the settings and the rate card.
 */
export type TodaySource = (db: DbOrTx, today: string, settings: Settings, clientIds?: readonly number[]) => TodayItem[];

/** The other parts' items: payments overdue (server/payments.ts) and rates due a raise (server/raises.ts). */
export const TODAY_SOURCES: TodaySource[] = [overduePaymentItems, raiseDueItems];

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

interface RuleInputs {
  settings: Settings;
  template: string | null;
  /** the client's assessment for today, computed only when asked (only an active client needs it) */
  scoreOf: (clientId: number) => ClientScore | undefined;
}

/** The items the rules make from one open quote: an answer owed, a chase (each or neither). */
function quoteItems(q: QuoteWithEvents, client: Client, interactions: readonly Interaction[], today: string, { settings, template }: Omit<RuleInputs, "scoreOf">): TodayItem[] {
  if (q.status !== "sent" && q.status !== "negotiating") return [];
  const answer = answerOwedItem(q, client, today, settings.locale);
  const chase = chaseItem(q, client, interactions, settings, today, { template, locale: settings.locale });
  return [answer, chase].filter((i) => i !== null);
}

/** The items the rules make from one client's history (the finder's way: one client at a time). */
function clientItems(h: ClientHistory, today: string, inputs: RuleInputs): TodayItem[] {
  const items = h.quotes.flatMap((q) => quoteItems(q, h.client, h.interactions, today, inputs));
  if (h.client.status === "active") {
    const score = inputs.scoreOf(h.client.id);
    const item = score ? walkAwayItem(h.client, score.assessment, today, lastActivity(h)) : null;
    if (item) items.push(item);
  }
  return items;
}

/** The open quote items of the book (every open quote), or of a few clients (from their histories). */
function openQuoteItems(db: DbOrTx, today: string, inputs: Omit<RuleInputs, "scoreOf">): TodayItem[] {
  const open = readOpenQuoteFacts(db);
  const owners = new Map(open.clients.map((c) => [c.id, c]));
  const followUps = new Map<number, Interaction[]>();
  for (const f of open.followUps) {
    const list = followUps.get(f.quoteId!);
    if (list) list.push(f);
    else followUps.set(f.quoteId!, [f]);
  }
  return open.quotes.flatMap((q) => {
    const client = owners.get(q.clientId);
    return client ? quoteItems(q, client, followUps.get(q.id) ?? [], today, inputs) : [];
  });
}

/** Interactions in the order db/today.ts reads my follow-ups: by day, then id. */
const byDayThenId = (a: Interaction, b: Interaction) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id);

/** The walk-away item of an active client in the walk-away band, or null; `walkAway` notes their score. */
function walkAwayOf(db: DbOrTx, { client, assessment }: ClientScore, today: string, walkAway: Map<number, number>): TodayItem | null {
  if (client.status !== "active" || assessment.verdict !== "walk_away") return null;
  const item = walkAwayItem(client, assessment, today, lastActivity(loadClientHistory(db, client.id) as ClientHistory));
  if (item) walkAway.set(client.id, assessment.score!);
  return item;
}

/**
 * Every item the rules and the sources make today for the whole book, marks not applied, in no particular
 * order. Reads only the open quotes (db/today.ts) and the whole-book scores the other pages share
 * (server/scores.ts); a client's whole history only for the few in the walk-away band (their latest day).
 */
export function computeTodayItems(db: DbOrTx, today: string): TodayItem[] {
  const settings = getSettings(db);
  const items = openQuoteItems(db, today, { settings, template: followUpTemplate(db) });
  const walkAway = new Map<number, number>();
  for (const score of scoresOn(db, today)) {
    const item = walkAwayOf(db, score, today, walkAway);
    if (item) items.push(item);
  }
  for (const source of TODAY_SOURCES) items.push(...source(db, today, settings));
  // one client, one message: no raise for a client Today says to walk away from (lib/today/one-message.ts)
  return oneMessagePerClient(items, walkAway);
}

/** The same items as computeTodayItems for one client alone (its history, its score): a patch after a write. */
function clientTodayItems(db: DbOrTx, clientId: number, today: string, settings: Settings, template: string | null): TodayItem[] {
  const history = findClientHistory(db, clientId) as ClientHistory | undefined;
  if (!history) return [];
  const items = history.quotes.flatMap((q) =>
    quoteItems(q, history.client, history.interactions.filter((i) => i.kind === "follow_up" && i.quoteId === q.id).sort(byDayThenId), today, { settings, template }),
  );
  const walkAway = new Map<number, number>();
  const score = history.client.status === "active" ? scoreClient(db, clientId) : undefined;
  const item = score ? walkAwayOf(db, score, today, walkAway) : null;
  if (item) items.push(item);
  for (const source of TODAY_SOURCES) items.push(...source(db, today, settings, [clientId]));
  return oneMessagePerClient(items, walkAway);
}

/**
 * What Today's items read beyond the score change log (db/score-changes.ts): the follow-up template (every
 * chase's message) and, per client, their own rates and raise plans (their raises due). Small tables, read
 * whole: a change shows as a different signature.
 */
function extraFacts(db: DbOrTx): { template: string | null; byClient: Map<number, string> } {
  const byClient = new Map<number, unknown[]>();
  const add = (clientId: number, row: unknown) => {
    const list = byClient.get(clientId);
    if (list) list.push(row);
    else byClient.set(clientId, [row]);
  };
  for (const r of listAllClientRates(db)) add(r.clientId, r);
  for (const p of listRatePlans(db)) add(p.clientId, p);
  return { template: followUpTemplate(db), byClient: new Map([...byClient].map(([id, rows]) => [id, JSON.stringify(rows)])) };
}

/** The book's Today items on one connection, for one day, as of one point of the change log; patched after a write. */
interface BookItems {
  today: string;
  seq: number;
  template: string | null;
  extra: Map<number, string>;
  byClient: Map<number, TodayItem[]>;
}
const books = processWide("todayItems", () => new WeakMap<object, BookItems>());

/** Past this share of the book, one whole pass is cheaper than client by client. */
const PATCH_SHARE = 0.25;

function groupByClient(items: readonly TodayItem[]): Map<number, TodayItem[]> {
  const byClient = new Map<number, TodayItem[]>();
  for (const item of items) {
    const list = byClient.get(item.clientId);
    if (list) list.push(item);
    else byClient.set(item.clientId, [item]);
  }
  return byClient;
}

/**
 * Today's items brought up to date: after a write only the clients it touched are made again (the score
 * change log names them; a client whose own rates or raise plans changed too), a new day, a setting or a
 * changed follow-up template makes the whole book again. Never kept inside a transaction.
 */
function currentItems(db: DbOrTx, today: string): TodayItem[] {
  const key = connectionKey(db);
  const book = books.get(key);
  if (book && book.today === today) {
    const changes = scoreChangesSince(db, book.seq);
    const extra = extraFacts(db);
    const touched = new Set(changes.clientIds);
    for (const id of new Set([...book.extra.keys(), ...extra.byClient.keys()])) if (book.extra.get(id) !== extra.byClient.get(id)) touched.add(id);
    if (!changes.all && extra.template === book.template && touched.size <= Math.max(16, book.byClient.size * PATCH_SHARE)) {
      const settings = getSettings(db);
      // many clients: bring the whole-book scores up to date once, so each client's score below is a lookup
      if (touched.size > 16) scoreAllClients(db);
      for (const id of touched) {
        const items = clientTodayItems(db, id, today, settings, extra.template);
        if (items.length) book.byClient.set(id, items);
        else book.byClient.delete(id);
      }
      Object.assign(book, { seq: changes.latest, template: extra.template, extra: extra.byClient });
      return [...book.byClient.values()].flat();
    }
  }
  // the log's point first: a write landing meanwhile is made again next time, never missed
  const seq = latestScoreChange(db);
  const extra = extraFacts(db);
  const items = computeTodayItems(db, today);
  books.set(key, { today, seq, template: extra.template, extra: extra.byClient, byClient: groupByClient(items) });
  return items;
}

/**
 * Every item the rules and the sources make today, marks not applied, in no particular order: kept for a
 * data version, and after a write patched for the clients it touched (currentItems) rather than made again
 * for the whole book. Another day than the book's (tests) or a transaction computes it whole.
 */
export function todayItems(db: DbOrTx, today: string): Cached<TodayItem[]> {
  return cachedRead(db, `today:items:${today}`, () => (today === todayFor(db) && !sqliteOf(db).inTransaction ? currentItems(db, today) : computeTodayItems(db, today)));
}

/**
 * A finder of items by key as the rules make them today (marks not applied), for a write transaction where
 * nothing is cached: an item of a quote or a client is made from that one history (and that client's
 * score); other keys are looked up among the sources' items, made once per finder.
 */
export function todayItemFinder(db: DbOrTx, today: string): (key: string) => TodayItem | undefined {
  const settings = getSettings(db);
  const inputs: RuleInputs = {
    settings,
    template: followUpTemplate(db),
    scoreOf: (cid) => (today === todayFor(db) ? scoreClient(db, cid) : computeClientScore(db, cid, today)),
  };
  let sourced: TodayItem[] | null = null;
  /** the client's walk-away score, when Today tells to walk away from them (a map of one, or empty) */
  const walkAwayScores = (clientId: number): Map<number, number> => {
    const client = findClient(db, clientId);
    const score = client?.status === "active" ? inputs.scoreOf(clientId) : undefined;
    return score?.assessment.verdict === "walk_away" && score.assessment.score != null ? new Map([[clientId, score.assessment.score]]) : new Map();
  };
  return (key) => {
    const m = /^(?:(answer|chase):quote|walk_away:client):(\d{1,15})$/.exec(key);
    if (!m) {
      const item = (sourced ??= TODAY_SOURCES.flatMap((source) => source(db, today, settings))).find((i) => i.key === key);
      // a raise for a client in the walk-away band is not on Today (one client, one message)
      if (item?.kind === "raise_due" && walkAwayScores(item.clientId).size) return undefined;
      return item;
    }
    const id = Number(m[2]);
    const clientId = m[1] ? findQuote(db, id)?.clientId : findClient(db, id)?.id;
    if (clientId === undefined) return undefined;
    return oneMessagePerClient(clientItems(loadClientHistory(db, clientId) as ClientHistory, today, inputs), walkAwayScores(clientId)).find((i) => i.key === key);
  };
}

/** The item with this key as the rules make it today (marks not applied), or undefined. */
export function findTodayItem(db: DbOrTx, key: string, today: string): TodayItem | undefined {
  return todayItemFinder(db, today)(key);
}

/** Today's list: open items in the order to do them, and the ones the user's marks hide. */
export function getToday(db: DbOrTx, today: string): Cached<TodayList> {
  return cachedRead(db, `today:list:${today}`, () => {
    const { items, hidden } = applyStates(todayItems(db, today), listTodayItemStates(db), today);
    const rank = new Map(orderToday(hidden.map((h) => h.item)).map((item, i) => [item.key, i]));
    return { today, items: orderToday(items), hidden: [...hidden].sort((a, b) => rank.get(a.item.key)! - rank.get(b.item.key)!) };
  });
}

/** How many items are open today (the nav's count). */
export function todayCount(db: DbOrTx, today: string): number {
  return getToday(db, today).items.length;
}
