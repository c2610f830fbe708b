/** What an empty Today suggests is picked from recent work of clients still active (server/today-glance.ts). */
import { afterEach, beforeEach, expect, test } from "vitest";
import { bookGlance, RECENT_WORK_DAYS } from "@/server/today-glance";
import { addDays } from "@/lib/dates";
import { nextStep } from "@/lib/today/next-step";
import { createTestDb } from "./helpers";
import * as q from "./use-cases";

const TODAY = "2026-12-01";
let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  ctx = await createTestDb();
});
afterEach(() => ctx.close());

function accepted(clientId: number, title: string, decidedAgo: number) {
  const day = addDays(TODAY, -decidedAgo);
  return q.createQuote(ctx.db, { clientId, title, estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "accepted", agreedAmount: 100000, sentOn: day, decidedOn: day }, TODAY);
}

test("recent work of an active client is under way; old work, a client walked away from and quotes out are not", () => {
  const active = q.createClient(ctx.db, { name: "Active Co", leadSource: "other", status: "active" });
  const gone = q.createClient(ctx.db, { name: "Gone Co", leadSource: "other", status: "active" });
  accepted(active.id, "Old job", RECENT_WORK_DAYS + 1);
  const recent = accepted(active.id, "Recent job", 10);
  accepted(gone.id, "Their job", 5);
  q.updateClient(ctx.db, gone.id, { name: "Gone Co", leadSource: "other", status: "walked_away" });
  q.createQuote(ctx.db, { clientId: active.id, title: "Out", estimatedMinutes: 60, quotedAmount: 10000, currency: "USD", status: "sent", sentOn: TODAY }, TODAY);

  const glance = bookGlance(ctx.db, TODAY);
  expect(glance.workUnderWay).toEqual([{ quoteId: recent.id, title: "Recent job", clientName: "Active Co" }]);
  expect(glance.openQuotes).toBe(1);
  expect(nextStep(glance)).toMatchObject({ label: "Log time", href: `/quotes/${recent.id}` });
  // nothing recent: the quote out is the suggestion
  expect(nextStep(bookGlance(ctx.db, addDays(TODAY, 200)))).toMatchObject({ label: "Check an offer" });
});
