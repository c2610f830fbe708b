/**
 * The client's side of a proposal, in-process on a real SQLite file: the answer use case (once, in one
 * transaction, the quote accepted at the option's price without reading as a concession, or rejected
 * with the reason), the public page's loader (only that proposal; unknown, revoked, malformed and
 * expired links), the answer route a plain HTML form posts to, the API for an answer given by email,
 * and the timeline's entries. The real server's side (proxy, password, headers) is in
 * proposals-public-server.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DB } from "@/db/connection";
import { writeTransaction } from "@/db/connection";
import { findProposal, setProposalAnswer, setProposalShare } from "@/db/proposals";
import { addDays } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { replayNegotiation } from "@/lib/negotiation";
import { quoteTimeline } from "@/lib/timeline";
import { upsertClientSchema, upsertQuoteSchema } from "@/lib/schemas";
import { todayFor } from "@/server/clock";
import { readyDb } from "@/server/database";
import { loadClientPage } from "@/server/client-page";
import { loadQuotePage } from "@/server/quote-page";
import { answerProposal, loadPublicProposal } from "@/server/proposal-answers";
import { call, jsonHeaders, type RouteFn } from "./data-helpers";
import { makeProposal } from "./proposal-fixtures";
import { createClient, createQuote, getClient, getQuote, getSettings, updateSettings } from "./use-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-proposals-public-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
let today: string;
const NOW = "2026-12-01T10:00:00.000Z";

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  updateSettings(db, { ...getSettings(db), businessName: "Studio Lumen", paymentTermsDays: 30 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let seq = 0;
/** A prospect (own payment terms 14 days) with a quote sent 10 days ago: $4,000 for 40 h. */
function book(name = "Client") {
  const client = createClient(db, upsertClientSchema.parse({ name: `${name} ${++seq}`, status: "prospect", paymentTermsDays: 14 }));
  const sentOn = addDays(today, -10);
  const quote = createQuote(db, upsertQuoteSchema.parse({ clientId: client.id, title: `Website ${seq}`, estimatedMinutes: 2400, quotedAmount: 400_000, currency: "USD", status: "sent", sentOn }), sentOn);
  return { client, quote, sentOn };
}
function openProposal(name?: string) {
  const b = book(name);
  const p = makeProposal(db, b.quote.id, { expiresOn: addDays(today, 20), sentOn: addDays(today, -2) });
  return { ...b, p, token: p.token!, standard: p.options[1], essentials: p.options[0] };
}
function expectError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (e) {
    expect(isAppError(e), String(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return e as Error;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

describe("answerProposal: the client's answer, once", () => {
  test("choosing the middle option accepts the quote at that option: price, hours, today, the client's payment terms; the client becomes active", () => {
    const { client, quote, p, token, standard } = openProposal();
    const answered = answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW);
    expect(answered).toMatchObject({ chosenOptionId: standard.id, declineReason: null, answeredOn: today, answeredAt: NOW });
    const q = getQuote(db, quote.id);
    expect(q).toMatchObject({ status: "accepted", quotedAmount: 360_000, agreedAmount: 360_000, estimatedMinutes: 2400, decidedOn: today, sentOn: quote.sentOn, paymentTermsDays: 14 });
    expect(getClient(db, client.id).status).toBe("active");
    expect(findProposal(db, p.id)!.chosenOptionId).toBe(standard.id);
  });

  test("a cheaper option is scope traded, not a discount: no concession, no negotiation step", () => {
    const { quote, token, essentials } = openProposal();
    answerProposal(db, { token }, { answer: "choose", optionId: essentials.id }, today, NOW);
    const q = getQuote(db, quote.id);
    expect(q.agreedAmount).toBe(200_000);
    expect(q.events).toEqual([]);
    const neg = replayNegotiation(q);
    expect(neg.concededBp).toBe(0);
    expect(neg.conceded).toBe(false);
  });

  test("the book's payment terms when the client has none of its own (the same rule as every acceptance)", () => {
    const client = createClient(db, upsertClientSchema.parse({ name: `No terms ${++seq}`, status: "active" }));
    const quote = createQuote(db, upsertQuoteSchema.parse({ clientId: client.id, title: "Logo", estimatedMinutes: 600, quotedAmount: 100_000, currency: "USD", status: "sent", sentOn: today }), today);
    const p = makeProposal(db, quote.id, { expiresOn: today, sentOn: today });
    answerProposal(db, { proposalId: p.id }, { answer: "choose", optionId: p.options[2].id }, today, NOW);
    expect(getQuote(db, quote.id)).toMatchObject({ status: "accepted", agreedAmount: 520_000, paymentTermsDays: 30 });
  });

  test("declining rejects the quote with the reason; the note is kept on the proposal", () => {
    const { quote, p, token } = openProposal();
    answerProposal(db, { token }, { answer: "decline", reason: "wrong_timing", note: "Back in spring" }, today, NOW);
    expect(getQuote(db, quote.id)).toMatchObject({ status: "rejected", rejectionReason: "wrong_timing", decidedOn: today, agreedAmount: null, quotedAmount: 400_000 });
    expect(findProposal(db, p.id)).toMatchObject({ chosenOptionId: null, declineReason: "wrong_timing", declineNote: "Back in spring", answeredOn: today });
  });

  test("a second answer is a conflict and the first stands (also a replay of the same answer)", () => {
    const { quote, p, token, standard, essentials } = openProposal();
    answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW);
    expectError(() => answerProposal(db, { token }, { answer: "choose", optionId: essentials.id }, today, NOW), "conflict");
    expectError(() => answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW), "conflict");
    expectError(() => answerProposal(db, { proposalId: p.id }, { answer: "decline", reason: "price" }, today, NOW), "conflict");
    expect(findProposal(db, p.id)).toMatchObject({ chosenOptionId: standard.id, declineReason: null });
    expect(getQuote(db, quote.id)).toMatchObject({ status: "accepted", agreedAmount: 360_000 });
  });

  test("the race: the row is written only while unanswered, so the loser writes nothing", () => {
    const { p } = openProposal();
    const first = writeTransaction(db, (tx) => setProposalAnswer(tx, p.id, { chosenOptionId: p.options[0].id, declineReason: null, declineNote: null, answeredOn: today, answeredAt: NOW }));
    const second = writeTransaction(db, (tx) => setProposalAnswer(tx, p.id, { chosenOptionId: p.options[1].id, declineReason: null, declineNote: null, answeredOn: today, answeredAt: NOW }));
    expect([first, second]).toEqual([1, 0]);
    expect(findProposal(db, p.id)!.chosenOptionId).toBe(p.options[0].id);
  });

  test("expired: gone, and nothing is written (the quote stays open)", () => {
    const { quote } = book();
    const p = makeProposal(db, quote.id, { expiresOn: addDays(today, -1), sentOn: addDays(today, -5) });
    expectError(() => answerProposal(db, { token: p.token! }, { answer: "choose", optionId: p.options[1].id }, today, NOW), "gone");
    expect(findProposal(db, p.id)!.answeredOn).toBeNull();
    expect(getQuote(db, quote.id).status).toBe("sent");
    // the last day itself still takes an answer
    const { quote: q2 } = book();
    const last = makeProposal(db, q2.id, { expiresOn: today, sentOn: today });
    answerProposal(db, { token: last.token! }, { answer: "choose", optionId: last.options[0].id }, today, NOW);
    expect(getQuote(db, q2.id).status).toBe("accepted");
  });

  test("a quote decided another way meanwhile: gone", () => {
    const { quote, token, standard } = openProposal();
    db.$client.prepare("UPDATE quotes SET status = 'declined_by_me', decided_on = ? WHERE id = ?").run(today, quote.id);
    expectError(() => answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW), "gone");
  });

  test("an option of another proposal is a field error, nothing written", () => {
    const a = openProposal();
    const b = openProposal();
    const e = expectError(() => answerProposal(db, { token: a.token }, { answer: "choose", optionId: b.standard.id }, today, NOW), "invalid_input");
    expect((e as unknown as { fields: Record<string, string[]> }).fields.optionId).toBeTruthy();
    expect(findProposal(db, a.p.id)!.answeredOn).toBeNull();
    expect(getQuote(db, a.quote.id).status).toBe("sent");
  });

  test("unknown, revoked and malformed links are not found (the same answer for all)", () => {
    const { p, token, standard } = openProposal();
    for (const bad of ["x".repeat(43), "short", `${token}=`, "../../clients", ""]) {
      expectError(() => answerProposal(db, { token: bad }, { answer: "choose", optionId: standard.id }, today, NOW), "not_found");
      expectError(() => loadPublicProposal(db, bad, today), "not_found");
    }
    writeTransaction(db, (tx) => setProposalShare(tx, p.id, { shareToken: null }));
    expectError(() => loadPublicProposal(db, token, today), "not_found");
    expectError(() => answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW), "not_found");
    expect(findProposal(db, p.id)!.answeredOn).toBeNull();
  });
});

describe("the public page's data: only that proposal", () => {
  test("names, options with their items, terms, expiry; no rates, floor, hours per item or other quotes", () => {
    const other = openProposal("Someone Else");
    const { p, token, client, quote } = openProposal("Acme");
    const view = loadPublicProposal(db, token, today);
    expect(view).toMatchObject({ state: "open", businessName: "Studio Lumen", clientName: client.name, quoteTitle: quote.title, currency: "USD", expiresOn: p.expiresOn, expiresToday: false });
    // on its last day the page says "valid until today (…)"
    expect(loadPublicProposal(db, token, p.expiresOn)).toMatchObject({ state: "open", expiresToday: true });
    expect(view.options.map((o) => [o.name, o.price])).toEqual([
      ["Essentials", 200_000],
      ["Standard", 360_000],
      ["Complete", 520_000],
    ]);
    expect(view.items.map((i) => i.name)).toEqual(p.items.map((i) => i.name));
    const json = JSON.stringify(view);
    for (const secret of ["floorRate", "targetRate", "marketRate", "rateCardPrice", "shareToken", "minutes\":600", other.client.name, other.quote.title]) expect(json).not.toContain(secret);
  });

  test("answered, expired and closed states", () => {
    const a = openProposal();
    answerProposal(db, { token: a.token }, { answer: "choose", optionId: a.standard.id }, today, NOW);
    expect(loadPublicProposal(db, a.token, today)).toMatchObject({ state: "answered", chosenOptionId: a.standard.id });
    // answered stays answered after the expiry date
    expect(loadPublicProposal(db, a.token, addDays(today, 60)).state).toBe("answered");
    const b = openProposal();
    expect(loadPublicProposal(db, b.token, addDays(today, 21)).state).toBe("expired");
  });
});

const answerRoute = async () => (await import("@/app/(public)/p/[token]/answer/route")).POST as unknown as RouteFn;
const form = (token: string, fields: Record<string, string>) => ({
  method: "POST",
  path: `/p/${token}/answer`,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  params: { token },
});

describe("the answer route (a plain HTML form post)", () => {
  test("choose → 303 back to the page, recorded; again → 303 with 'already', the first stands", async () => {
    const post = await answerRoute();
    const { quote, token, standard, essentials } = openProposal();
    const res = await call(post, form(token, { answer: "choose", optionId: String(standard.id) }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/p/${token}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(getQuote(db, quote.id)).toMatchObject({ status: "accepted", agreedAmount: 360_000 });
    const again = await call(post, form(token, { answer: "choose", optionId: String(essentials.id) }));
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/p/${token}?problem=already`);
    expect(getQuote(db, quote.id).agreedAmount).toBe(360_000);
  });

  test("decline without a reason → back with the problem named, nothing written; with one → rejected", async () => {
    const post = await answerRoute();
    const { quote, p, token } = openProposal();
    const bad = await call(post, form(token, { answer: "decline", note: "hm" }));
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe(`/p/${token}?problem=reason`);
    expect(findProposal(db, p.id)!.answeredOn).toBeNull();
    const ok = await call(post, form(token, { answer: "decline", reason: "price", note: "Over our budget" }));
    expect(ok.status).toBe(303);
    expect(getQuote(db, quote.id)).toMatchObject({ status: "rejected", rejectionReason: "price" });
    expect(findProposal(db, p.id)!.declineNote).toBe("Over our budget");
  });

  test("expired → 410, not recorded; unknown or malformed → 404 with nothing in it; not a form → 400", async () => {
    const post = await answerRoute();
    const { quote } = book();
    const p = makeProposal(db, quote.id, { expiresOn: addDays(today, -1), sentOn: addDays(today, -3) });
    const gone = await call(post, form(p.token!, { answer: "choose", optionId: String(p.options[1].id) }));
    expect(gone.status).toBe(410);
    expect(findProposal(db, p.id)!.answeredOn).toBeNull();
    for (const t of ["A".repeat(43), "nope"]) {
      const res = await call(post, form(t, { answer: "choose", optionId: "1" }));
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("This link is not valid.");
    }
    const open = openProposal();
    const json = await call(post, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ answer: "choose", optionId: open.standard.id }), params: { token: open.token } });
    expect(json.status).toBe(400);
    const huge = await call(post, form(open.token, { answer: "decline", reason: "other", note: "x".repeat(20_000) }));
    expect(huge.status).toBe(400);
    expect(findProposal(db, open.p.id)!.answeredOn).toBeNull();
  });
});

describe("POST /api/v1/proposals/:id/answer (the user records an answer given by email)", () => {
  const route = async () => (await import("@/app/api/v1/proposals/[id]/answer/route")).POST as unknown as RouteFn;
  const post = async (id: number | string, body: unknown) => call(await route(), { method: "POST", headers: jsonHeaders, body: JSON.stringify(body), params: { id: String(id) } });

  test("200 with the proposal and the accepted quote; 409 the second time; 410 expired; 400 bad input; 404 unknown", async () => {
    const { p, quote, standard } = openProposal();
    const ok = await post(p.id, { answer: "choose", optionId: standard.id });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.proposal).toMatchObject({ id: p.id, chosenOptionId: standard.id, answeredOn: today });
    expect(body.quote).toMatchObject({ id: quote.id, status: "accepted", agreedAmount: 360_000 });
    const twice = await post(p.id, { answer: "decline", reason: "price" });
    expect(twice.status).toBe(409);
    expect(getQuote(db, quote.id).status).toBe("accepted");

    const { quote: q2 } = book();
    const expired = makeProposal(db, q2.id, { expiresOn: addDays(today, -1), shared: false });
    expect((await post(expired.id, { answer: "decline", reason: "wrong_fit" })).status).toBe(410);

    const open = openProposal();
    const bad = await post(open.p.id, { answer: "decline", reason: "too_pricey" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.reason).toBeTruthy();
    expect((await post(999_999, { answer: "decline", reason: "price" })).status).toBe(404);
    expect((await post("abc", { answer: "decline", reason: "price" })).status).toBe(404);
  });
});

describe("the timeline tells it as it happened", () => {
  test("sent on its day with the options; chose on the answer day; the quote's and the client's timelines", () => {
    const { quote, client, token, standard, p } = openProposal();
    answerProposal(db, { token }, { answer: "choose", optionId: standard.id }, today, NOW);
    const page = loadQuotePage(db, quote.id, { checkOffer: false });
    const entries = quoteTimeline(page.quote);
    const sent = entries.find((e) => e.key === `p${p.id}-sent`)!;
    expect(sent).toMatchObject({ date: addDays(today, -2), title: "Proposal sent (3 options: Essentials $2,000.00 · Standard $3,600.00 · Complete $5,200.00)" });
    const chose = entries.find((e) => e.key === `p${p.id}-answer`)!;
    expect(chose).toMatchObject({ date: today, title: "Chose Standard ($3,600.00) through the proposal link", tone: "good" });
    // the quote's list is oldest first (its page shows it reversed): quoted, sent, chose, accepted
    expect(entries.map((e) => e.key)).toEqual([`q${quote.id}-sent`, `p${p.id}-sent`, `p${p.id}-answer`, `q${quote.id}-decided`]);
    // the quote's price and hours are now the option's: the quote line does not rewrite history with them
    expect(entries[0].title).toBe("Quoted, then offered as a proposal");
    expect(entries[3].title).toBe("Accepted at $3,600.00 for the Standard option (40 h)");
    const clientEntries = loadClientPage(db, client.id).timeline.map((e) => e.title);
    expect(clientEntries).toContain(chose.title);
    expect(clientEntries).toContain(sent.title);
    // newest first: the answer above the sending
    expect(clientEntries.indexOf(chose.title)).toBeLessThan(clientEntries.indexOf(sent.title));
  });

  test("quoted, offered and answered on one day: one line for the quote sent as a proposal, one order on both pages", () => {
    for (const answer of ["choose", "decline"] as const) {
      const client = createClient(db, upsertClientSchema.parse({ name: `Same day ${++seq}`, status: "prospect", paymentTermsDays: 14 }));
      const quote = createQuote(db, upsertQuoteSchema.parse({ clientId: client.id, title: `Shop ${seq}`, estimatedMinutes: 2400, quotedAmount: 400_000, currency: "USD", status: "sent", sentOn: today }), today);
      const p = makeProposal(db, quote.id, { expiresOn: addDays(today, 20), sentOn: today });
      answerProposal(db, { token: p.token! }, answer === "choose" ? { answer, optionId: p.options[1].id } : { answer, reason: "price" }, today, NOW);
      const onQuotePage = [...quoteTimeline(loadQuotePage(db, quote.id, { checkOffer: false }).quote)].reverse();
      const onClientPage = loadClientPage(db, client.id).timeline.filter((e) => e.quoteId === quote.id);
      // newest first on both: decided, then the client's answer, then the quote sent as a proposal
      expect(onQuotePage.map((e) => e.key)).toEqual([`q${quote.id}-decided`, `p${p.id}-answer`, `q${quote.id}-sent`]);
      expect(onClientPage.map((e) => e.key)).toEqual(onQuotePage.map((e) => e.key));
      // the quote line is the proposal sent (never "Quoted $3,600.00 for 40 h": the option's price, written back)
      expect(onQuotePage[2]).toMatchObject({ title: "Proposal sent (3 options: Essentials $2,000.00 · Standard $3,600.00 · Complete $5,200.00)" });
      expect(onQuotePage.filter((e) => e.title.startsWith("Proposal sent"))).toHaveLength(1);
      if (answer === "choose") expect(onQuotePage[0].title).toBe("Accepted at $3,600.00 for the Standard option (40 h)");
      else expect(onQuotePage[1].title).toBe("Declined the proposal: price");
    }
  });

  test("a decline with its reason and note", () => {
    const { quote, token, p } = openProposal();
    answerProposal(db, { token }, { answer: "decline", reason: "wrong_timing", note: "After the summer" }, today, NOW);
    const entries = quoteTimeline(loadQuotePage(db, quote.id, { checkOffer: false }).quote);
    expect(entries.find((e) => e.key === `p${p.id}-answer`)!.title).toBe("Declined the proposal: wrong timing — After the summer");
  });

  test("a proposal never sent adds nothing", () => {
    const { quote } = book();
    makeProposal(db, quote.id, { expiresOn: addDays(today, 5), shared: false });
    const entries = quoteTimeline(loadQuotePage(db, quote.id, { checkOffer: false }).quote);
    expect(entries.some((e) => e.key.startsWith("p"))).toBe(false);
  });
});
