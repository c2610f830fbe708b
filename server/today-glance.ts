/**
 * What an empty Today suggests next is picked from (components/today/next-step.ts): recent work under way
 * for a client still active, and the quotes out. Old accepted work nobody marked done, an imported job or
 * a client walked away from is no suggestion.
 */
import type { DbOrTx } from "@/db/connection";
import { listClients } from "@/db/clients";
import { listQuotes } from "@/db/quotes";
import { addDays } from "@/lib/dates";
import type { BookGlance } from "@/lib/today/next-step";
import { cachedRead, type Cached } from "./cache";

/** Work accepted within this many days and not marked done counts as under way. */
export const RECENT_WORK_DAYS = 90;

/** Kept for a data version (server/cache.ts): an empty Today on a big book reads the quotes once per write, not per request. */
export function bookGlance(db: DbOrTx, today: string): Cached<BookGlance> {
  return cachedRead(db, `today:glance:${today}`, () => readGlance(db, today));
}

function readGlance(db: DbOrTx, today: string): BookGlance {
  const quotes = listQuotes(db);
  const active = new Map(listClients(db).filter((c) => c.status === "active").map((c) => [c.id, c.name]));
  const since = addDays(today, -RECENT_WORK_DAYS);
  const workUnderWay = quotes
    .filter((q) => q.status === "accepted" && !q.workDoneOn && !q.sourceKey && active.has(q.clientId) && (q.decidedOn ?? "") >= since)
    .sort((a, b) => (b.decidedOn ?? "").localeCompare(a.decidedOn ?? "") || b.id - a.id)
    .map((q) => ({ quoteId: q.id, title: q.title, clientName: active.get(q.clientId)! }));
  return { workUnderWay, openQuotes: quotes.filter((q) => q.status === "sent" || q.status === "negotiating").length };
}
