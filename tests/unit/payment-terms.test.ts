import { describe, expect, it } from "vitest";
import { amountDue, daysLateFor, dueDay, invoiceDay, paymentLogged, paymentOf, paymentState, termsAtAcceptance } from "@/lib/payment-terms";
import { measurePayment } from "@/lib/worth/payment";
import { makeInteraction, makeQuote, makeSettings } from "./fixtures";

const accepted = (over: Parameters<typeof makeQuote>[0] = {}) =>
  makeQuote({ id: 7, status: "accepted", decidedOn: "2026-10-01", workDoneOn: null, paymentTermsDays: 30, agreedAmount: 400_000, quotedAmount: 450_000, currency: "USD", ...over });
const payment = (occurredOn: string, daysLate: number, over: Partial<Parameters<typeof makeInteraction>[0]> = {}) =>
  makeInteraction({ kind: "payment", quoteId: 7, occurredOn, daysLate, amount: 400_000, ...over });

describe("due day", () => {
  it.each([
    ["work done counts from the day the work was done", { workDoneOn: "2026-10-03", decidedOn: "2026-09-20", paymentTermsDays: 30 }, "2026-10-03", "2026-11-02", "work_done"],
    ["no work done yet: counts from acceptance", { workDoneOn: null, decidedOn: "2026-09-20", paymentTermsDays: 30 }, "2026-09-20", "2026-10-20", "accepted"],
    ["0-day terms: due the day the work is delivered", { workDoneOn: "2026-10-03", paymentTermsDays: 0 }, "2026-10-03", "2026-10-03", "work_done"],
    ["14-day terms across a month end", { workDoneOn: "2026-01-25", paymentTermsDays: 14 }, "2026-01-25", "2026-02-08", "work_done"],
    ["across a leap day", { workDoneOn: "2028-02-20", paymentTermsDays: 10 }, "2028-02-20", "2028-03-01", "work_done"],
  ] as const)("%s", (_what, over, invoice, due, basis) => {
    const q = accepted(over);
    expect(invoiceDay(q)).toBe(invoice);
    expect(dueDay(invoice, q.paymentTermsDays!)).toBe(due);
    const s = paymentState(q, [], "2026-01-01");
    expect(s.tracked && s.dueOn).toBe(due);
    expect(s.tracked && s.basis).toBe(basis);
  });
});

describe("overdue on a day", () => {
  // due 2026-11-02 (work done 2026-10-03, 30 days)
  const q = accepted({ workDoneOn: "2026-10-03" });
  it.each([
    ["the day before the due day", "2026-11-01", false, 0],
    ["exactly on the due day: not overdue", "2026-11-02", false, 0],
    ["the day after: 1 day late", "2026-11-03", true, 1],
    ["28 days after", "2026-11-30", true, 28],
    ["a year after", "2027-11-02", true, 365],
  ])("%s", (_what, today, overdue, late) => {
    const s = paymentState(q, [], today);
    expect(s.tracked).toBe(true);
    if (!s.tracked) return;
    expect(s.overdue).toBe(overdue);
    expect(s.daysLate).toBe(late);
    expect(s.paid).toBeNull();
  });

  it("a logged payment on the quote closes it, however late today is", () => {
    const s = paymentState(q, [payment("2026-11-10", 8, { id: 55 })], "2027-01-01");
    expect(s).toMatchObject({ tracked: true, overdue: false, daysLate: 8, paid: { paidOn: "2026-11-10", daysLate: 8, interactionId: 55 } });
  });

  it("a payment on another quote, or another kind of interaction, does not", () => {
    const others = [payment("2026-11-10", 0, { quoteId: 8 }), payment("2026-11-10", 0, { quoteId: null }), makeInteraction({ kind: "follow_up", quoteId: 7, answered: true, occurredOn: "2026-11-10" })];
    const s = paymentState(q, others, "2026-11-30");
    expect(s).toMatchObject({ tracked: true, overdue: true, daysLate: 28, paid: null });
  });

  it("the earliest of two payments is the one that counts", () => {
    expect(paymentOf(7, [payment("2026-11-20", 18, { id: 2 }), payment("2026-11-05", 3, { id: 9 })])?.id).toBe(9);
  });
});

describe("days late of a payment", () => {
  it.each([
    ["early", "2026-10-20", "2026-11-02", 0],
    ["on the due day", "2026-11-02", "2026-11-02", 0],
    ["a day late", "2026-11-03", "2026-11-02", 1],
    ["28 days late", "2026-11-30", "2026-11-02", 28],
    ["across a year end", "2027-01-05", "2026-12-30", 6],
  ])("%s", (_what, paidOn, due, late) => {
    expect(daysLateFor(paidOn, due)).toBe(late);
  });

  it("a late payment logged with its days late is bad evidence for the payment criterion; on time is good", () => {
    const settings = makeSettings();
    const late = measurePayment([payment("2026-11-30", daysLateFor("2026-11-30", "2026-11-02"))], settings);
    const onTime = measurePayment([payment("2026-11-01", daysLateFor("2026-11-01", "2026-11-02"))], settings);
    expect(late.mass.bad).toBeGreaterThan(0);
    expect(late.mass.good).toBe(0);
    expect(onTime.mass.good).toBeGreaterThan(0);
    expect(onTime.mass.bad).toBe(0);
  });
});

describe("not tracked", () => {
  it.each([
    ["not accepted", { status: "sent" as const }, "not_accepted"],
    ["accepted with no terms (imported, or before terms existed)", { paymentTermsDays: null }, "no_terms"],
    ["accepted with no decision day nor work done", { decidedOn: null, workDoneOn: null }, "no_terms"],
  ])("%s", (_what, over, reason) => {
    expect(paymentState(accepted(over), [], "2026-12-01")).toEqual({ tracked: false, reason });
  });
});

describe("terms at acceptance", () => {
  it.each([
    ["accepted now: the client's own terms", { status: "accepted" as const, paymentTermsDays: null, sourceKey: null }, 14, 30, 14],
    ["accepted now, client has none: the book's", { status: "accepted" as const, paymentTermsDays: null, sourceKey: null }, null, 30, 30],
    ["client's own 0 days is kept (not the book's)", { status: "accepted" as const, paymentTermsDays: null, sourceKey: null }, 0, 30, 0],
    ["already set: kept", { status: "accepted" as const, paymentTermsDays: 45, sourceKey: null }, 14, 30, null],
    ["imported: not tracked", { status: "accepted" as const, paymentTermsDays: null, sourceKey: "toggl:1" }, 14, 30, null],
    ["not accepted: nothing", { status: "negotiating" as const, paymentTermsDays: null, sourceKey: null }, 14, 30, null],
  ])("%s", (_what, quote, client, book, expected) => {
    expect(termsAtAcceptance(quote, client, book)).toBe(expected);
  });
});

it("the amount due is the agreed amount, else the quoted one", () => {
  expect(amountDue({ agreedAmount: 400_000, quotedAmount: 450_000 })).toBe(400_000);
  expect(amountDue({ agreedAmount: null, quotedAmount: 450_000 })).toBe(450_000);
});

describe("what logging a payment answers", () => {
  it.each<[number | null, string]>([
    [20, "Logged: paid 20 days late."],
    [1, "Logged: paid 1 day late."],
    [0, "Logged: paid on time."],
    [null, "Logged."],
  ])("%j days late → %j", (days, words) => expect(paymentLogged(days)).toBe(words));
});
