/**
 * Which quote a payment goes on and how its reason reads (pure, fixed dates): the client's quotes still
 * to be paid, oldest due first; the overdue one a typed payment is linked to; quick capture's preview of
 * it (days late worked out from the due day, and said when they differ from the typed ones); the Today
 * reason without brackets inside brackets.
 */
import { describe, expect, it } from "vitest";
import { dueReason, overdueToLink, unpaidQuotes } from "@/lib/payment-terms";
import { buildCapture } from "@/lib/quick-capture/build";
import { resolveTarget } from "@/lib/quick-capture/resolve";
import { makeInteraction, makeQuote } from "./fixtures";

const TODAY = "2026-12-01";
/** accepted on `decidedOn` with 30-day terms, $1,530.00 */
const sprint = (id: number, title: string, decidedOn: string, over: Parameters<typeof makeQuote>[0] = {}) =>
  makeQuote({ id, clientId: 1, title, status: "accepted", decidedOn, workDoneOn: null, paymentTermsDays: 30, agreedAmount: 153_000, quotedAmount: 153_000, currency: "USD", ...over });

describe("unpaidQuotes: accepted, tracked, not paid — oldest due first", () => {
  const sep = sprint(1, "Sprint 2026-09", "2026-09-05"); // due Oct 5: 57 days overdue
  const oct = sprint(2, "Sprint 2026-10", "2026-10-05"); // due Nov 4: 27 days overdue
  const nov = sprint(3, "Sprint 2026-11", "2026-11-20"); // due Dec 20: not yet
  const untracked = sprint(4, "Imported", "2026-08-01", { paymentTermsDays: null });
  const open = sprint(5, "Open", "2026-08-01", { status: "sent", decidedOn: null });

  it("lists the owed ones by due day, with how overdue each is; a linked payment takes its quote off", () => {
    const list = unpaidQuotes([nov, open, oct, untracked, sep], [], TODAY);
    expect(list.map((u) => [u.title, u.dueOn, u.overdue, u.daysLate])).toEqual([
      ["Sprint 2026-09", "2026-10-05", true, 57],
      ["Sprint 2026-10", "2026-11-04", true, 27],
      ["Sprint 2026-11", "2026-12-20", false, 0],
    ]);
    const paid = makeInteraction({ kind: "payment", quoteId: 1, occurredOn: "2026-11-30", daysLate: 56 });
    const loose = makeInteraction({ kind: "payment", quoteId: null, occurredOn: "2026-11-30", daysLate: 57 });
    expect(unpaidQuotes([sep, oct, nov], [paid, loose], TODAY).map((u) => u.quoteId)).toEqual([2, 3]);
  });

  it.each([
    ["two overdue: the oldest, and how many", [sep, oct, nov], { quoteId: 1, overdueCount: 2 }],
    ["one overdue", [oct, nov], { quoteId: 2, overdueCount: 1 }],
    ["none overdue (one not due yet)", [nov], null],
    ["nothing owed", [], null],
  ] as const)("overdueToLink — %s", (_what, quotes, expected) => {
    const link = overdueToLink(unpaidQuotes(quotes, [], TODAY));
    expect(link ? { quoteId: link.quote.quoteId, overdueCount: link.overdueCount } : null).toEqual(expected);
  });
});

describe("quick capture's payment preview", () => {
  const clients = [{ id: 1, name: "Turncoat GmbH", company: null }];
  const sep = sprint(1, "Sprint 2026-09", "2026-09-05");
  const oct = sprint(2, "Sprint 2026-10", "2026-10-05");
  const build = (line: string, quotes: ReturnType<typeof sprint>[], paidOn: Record<number, string> = {}) => {
    const target = resolveTarget({ line }, { clients, quotes, locale: "en-US" });
    return buildCapture(target, { quote: null, currency: "USD", locale: "en-US", today: TODAY, payments: { unpaid: unpaidQuotes(quotes, [], TODAY), paidOn } });
  };

  it.each([
    ["Turncoat paid 57 days late", [sep], "Turncoat GmbH — Sprint 2026-09: they paid 57 days late (due Oct 5, 2026)", 1, 57],
    ["Turncoat paid late", [sep], "Turncoat GmbH — Sprint 2026-09: they paid 57 days late (due Oct 5, 2026)", 1, 57],
    [
      "Turncoat paid 50 days late",
      [sep],
      "Turncoat GmbH — Sprint 2026-09: they paid 57 days late (due Oct 5, 2026) — you typed 50 days late; the days late stored are counted from the due day",
      1,
      57,
    ],
    ["Turncoat paid 57 days late", [sep, oct], "Turncoat GmbH — Sprint 2026-09: they paid 57 days late (due Oct 5, 2026; the oldest of 2 overdue quotes)", 1, 57],
    ["Turncoat paid 3 days late 2026-11-07", [oct], "Turncoat GmbH — Sprint 2026-10: they paid 3 days late (due Nov 4, 2026) (on 2026-11-07)", 2, 3],
    ["Turncoat paid 5 days late", [], "Turncoat GmbH: they paid 5 days late", null, 5],
  ] as const)("%s (%#)", (line, quotes, sentence, quoteId, daysLate) => {
    const { preview, plan } = build(line, [...quotes]);
    expect(preview.sentence).toBe(sentence);
    expect(preview.quote?.id ?? null).toBe(quoteId);
    expect(plan).toMatchObject({ to: "interaction", clientId: 1, input: { kind: "payment", daysLate } });
    expect(plan?.to === "interaction" && plan.input.kind === "payment" ? (plan.input.quoteId ?? null) : "no plan").toBe(quoteId);
  });

  it("“paid late” with nothing owed still asks how late", () => {
    const { preview, plan } = build("Turncoat paid late", []);
    expect(plan).toBeNull();
    expect(preview.missing).toEqual(["How late, e.g. “paid 10 days late” or “paid on time”"]);
  });
});

describe("the overdue reason: no brackets inside brackets", () => {
  it.each([
    [{ termsDays: 30, basis: "accepted", invoiceOn: "2026-09-05" }, "30 days after you accepted it on Sep 5, 2026 (work not marked done)"],
    [{ termsDays: 30, basis: "work_done", invoiceOn: "2026-10-03" }, "30 days after the work was done on Oct 3, 2026"],
    [{ termsDays: 1, basis: "work_done", invoiceOn: "2026-10-03" }, "1 day after the work was done on Oct 3, 2026"],
    [{ termsDays: 0, basis: "work_done", invoiceOn: "2026-10-03" }, "on delivery: the day the work was done, Oct 3, 2026"],
    [{ termsDays: 0, basis: "accepted", invoiceOn: "2026-09-05" }, "on delivery: the day you accepted it, Sep 5, 2026 (work not marked done)"],
  ] as const)("%j", (state, words) => {
    const reason = dueReason(state, "en-US");
    expect(reason).toBe(words);
    expect(reason).not.toMatch(/\([^)]*\(/);
  });
});
