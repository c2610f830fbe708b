import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { loadClientPage, QUOTES_MAX, TIMELINE_MAX } from "@/server/client-page";
import { clientTimeline } from "@/lib/timeline";
import { OPEN_QUOTE_STATUSES } from "@/lib/domain";
import { interactionForm, quoteEventForm } from "@/lib/entry-edit";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

let db: DB;
let close: () => void;
let clientId: number;

beforeAll(async () => {
  ({ db, close } = await createTestDb());
  const client = q.createClient(db, { name: "Long History Ltd", leadSource: "referral", status: "active" });
  clientId = client.id;
  for (let i = 0; i < 2 * QUOTES_MAX + 3; i++) {
    const quote = q.createQuote(db, { clientId, title: `Job ${i}`, estimatedMinutes: 600, quotedAmount: 100000 + i, currency: "USD", status: i % 3 ? "sent" : "accepted", sentOn: `2026-0${1 + (i % 9)}-1${i % 10}` });
    if (i % 2) q.addQuoteEvent(db, quote.id, { kind: "discount_request", percentBp: 1000 + i, occurredOn: `2026-0${1 + (i % 9)}-2${i % 10}` });
  }
  for (let i = 0; i < TIMELINE_MAX; i++) {
    const occurredOn = `2026-10-${String(1 + (i % 28)).padStart(2, "0")}`;
    if (i % 2) q.addInteraction(db, clientId, { kind: "follow_up", answered: i % 4 === 1, occurredOn });
    else q.addInteraction(db, clientId, { kind: "ask", subtype: "quick_question", minutes: 15, paid: false, occurredOn });
  }
});
afterAll(() => close());

describe("the client page a page at a time", () => {
  test("its timeline pages together are the whole timeline, newest first; each shown editable entry has its form", () => {
    const first = loadClientPage(db, clientId);
    const total = first.timeline.length;
    expect(total).toBeGreaterThan(2 * TIMELINE_MAX);
    const history = q.loadClientHistory(db, clientId);
    const settings = q.getSettings(db);
    expect(first.timeline.map((e) => e.key)).toEqual(clientTimeline({ ...history, quotes: history.quotes.map((x) => ({ ...x, proposal: null })) }, settings.currency, settings.locale).map((e) => e.key));
    const keys: string[] = [];
    for (let p = 1; p <= first.timelineAt.pages; p++) {
      const page = loadClientPage(db, clientId, { timelinePage: String(p) });
      expect(page.shownTimeline.length).toBeLessThanOrEqual(TIMELINE_MAX);
      keys.push(...page.shownTimeline.map((e) => e.key));
      for (const e of page.shownTimeline) {
        if (e.source.type === "event") {
          const { id, quoteId } = e.source;
          const event = history.quotes.find((x) => x.id === quoteId)!.events.find((x) => x.id === id)!;
          expect(page.forms[e.key]).toEqual(quoteEventForm(event, "USD"));
        } else if (e.source.type === "interaction") {
          const { id } = e.source;
          expect(page.forms[e.key]).toEqual(interactionForm(history.interactions.find((x) => x.id === id)!, settings.currency));
        } else expect(page.forms[e.key]).toBeUndefined();
      }
      expect(Object.keys(page.forms).length).toBeLessThanOrEqual(page.shownTimeline.length);
    }
    expect(keys).toEqual(first.timeline.map((e) => e.key));
  });

  test("its quotes pages together are every quote, most recent first, 15 a page; a page past the end shows the last", () => {
    const first = loadClientPage(db, clientId);
    expect(first.quotesAt.pages).toBe(3);
    const ids = [1, 2, 3].flatMap((p) => loadClientPage(db, clientId, { quotesPage: p }).shownQuotes.map((x) => x.id));
    expect(ids).toEqual(q.loadClientHistory(db, clientId).quotes.map((x) => x.id));
    expect(loadClientPage(db, clientId, { quotesPage: "99" }).shownQuotes).toEqual(loadClientPage(db, clientId, { quotesPage: 3 }).shownQuotes);
    expect(loadClientPage(db, clientId, { quotesPage: "all" }).quotesAt.page).toBe(1);
    // the pickers offer at most a page of quotes, open ones first
    expect(first.openOptions.length).toBe(QUOTES_MAX);
    expect(first.openOptions.every((o) => OPEN_QUOTE_STATUSES.includes(q.loadClientHistory(db, clientId).quotes.find((x) => x.id === o.id)!.status))).toBe(true);
    expect(first.timeOptions[0].title).toBe(q.loadClientHistory(db, clientId).quotes.find((x) => x.status === "accepted")!.title);
  });

  test("a write shows at once: the new entry is on the first page, with its form", () => {
    const before = loadClientPage(db, clientId);
    expect(before.shownTimeline.some((e) => /gave back/i.test(e.title))).toBe(false);
    q.addInteraction(db, clientId, { kind: "give", subtype: "referral" });
    const after = loadClientPage(db, clientId);
    expect(after.timeline.length).toBe(before.timeline.length + 1);
    const given = after.shownTimeline.find((e) => /gave back/i.test(e.title));
    expect(given).toBeDefined();
    expect(after.forms[given!.key]?.kind).toBe("give");
  });
});
