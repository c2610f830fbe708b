/**
 * db/proposals.ts on a real SQLite file with the real migrations: a proposal written whole and read
 * back (options know their items, in item order), re-saved in place (link and sending kept), found by
 * its link's secret only while shared, answered once (the second answer changes nothing), and gone
 * with its quote.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { writeTransaction, type DB } from "@/db/connection";
import { clients, proposalItems, proposalOptionItems, proposalOptions, quotes } from "@/db/schema";
import {
  findProposal,
  findProposalByToken,
  findProposalForQuote,
  listProposals,
  saveProposalRows,
  setProposalAnswer,
  setProposalShare,
  type ProposalHeaderValues,
  type ProposalOptionValues,
} from "@/db/proposals";
import { eq } from "drizzle-orm";
import { createTestDb } from "./helpers";

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: DB;
let quoteId: number;

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  const clientId = Number(db.insert(clients).values({ name: "Proposal Co" }).run().lastInsertRowid);
  quoteId = Number(db.insert(quotes).values({ clientId, title: "Site", estimatedMinutes: 600, quotedAmount: 100000, currency: "USD", status: "draft" }).run().lastInsertRowid);
});
afterEach(() => t.close());

const header = (over: Partial<ProposalHeaderValues> = {}): ProposalHeaderValues => ({
  quoteId,
  currency: "USD",
  unit: "hour",
  floorRate: 6000,
  targetRate: 10000,
  marketRate: 12000,
  rush: false,
  rushMultiplierPct: 150,
  hoursPerDay: 8,
  minimumFee: 0,
  belowFloorConfirmed: false,
  intro: null,
  terms: "50% up front",
  expiresOn: "2027-01-31",
  ...over,
});
const items = [
  { name: "Home page", minutes: 600 },
  { name: "About page", minutes: 300 },
  { name: "CMS setup", minutes: 480 },
];
const option = (name: string, included: number[], minutes: number, price: number): ProposalOptionValues => ({
  name,
  summary: null,
  minutes,
  price,
  priceSource: "rate_card",
  rateCardPrice: price,
  items: included,
});
const options = [option("Essentials", [1, 0], 900, 150000), option("Complete", [0, 1, 2], 1380, 230000)];

describe("db/proposals", () => {
  test("written whole and read back: items in order, each option's items in item order", () => {
    const id = writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, options));
    const p = findProposal(db, id)!;
    expect(p.quoteId).toBe(quoteId);
    expect(p.items.map((i) => [i.position, i.name, i.minutes])).toEqual([
      [0, "Home page", 600],
      [1, "About page", 300],
      [2, "CMS setup", 480],
    ]);
    expect(p.options.map((o) => o.name)).toEqual(["Essentials", "Complete"]);
    const name = new Map(p.items.map((i) => [i.id, i.name]));
    expect(p.options[0].itemIds.map((i) => name.get(i))).toEqual(["Home page", "About page"]);
    expect(p.options[1].itemIds.map((i) => name.get(i))).toEqual(["Home page", "About page", "CMS setup"]);
    expect(findProposalForQuote(db, quoteId)?.id).toBe(id);
    expect(listProposals(db, { quoteIds: [quoteId] })).toHaveLength(1);
  });

  test("re-saved in place: same id, items and options replaced, the link and sending kept", () => {
    const id = writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, options));
    writeTransaction(db, (tx) => setProposalShare(tx, id, { shareToken: "a".repeat(43), sentOn: "2026-12-01" }));
    const again = writeTransaction(db, (tx) => saveProposalRows(tx, header({ terms: "Net 14" }), items.slice(0, 2), [option("Small", [0], 600, 100000), option("Large", [0, 1], 900, 150000)]));
    expect(again).toBe(id);
    const p = findProposal(db, id)!;
    expect(p.terms).toBe("Net 14");
    expect(p.shareToken).toBe("a".repeat(43));
    expect(p.sentOn).toBe("2026-12-01");
    expect(p.options.map((o) => o.name)).toEqual(["Small", "Large"]);
    // nothing orphaned from the first save
    expect(db.select().from(proposalItems).all()).toHaveLength(2);
    expect(db.select().from(proposalOptions).all()).toHaveLength(2);
    expect(db.select().from(proposalOptionItems).all()).toHaveLength(3);
  });

  test("found by its secret only while the link is on", () => {
    const id = writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, options));
    const token = "T0ken_".padEnd(43, "x");
    expect(findProposalByToken(db, token)).toBeUndefined();
    writeTransaction(db, (tx) => setProposalShare(tx, id, { shareToken: token, sentOn: "2026-12-01" }));
    expect(findProposalByToken(db, token)?.id).toBe(id);
    writeTransaction(db, (tx) => setProposalShare(tx, id, { shareToken: null }));
    expect(findProposalByToken(db, token)).toBeUndefined();
  });

  test("answered once: a second answer changes nothing", () => {
    const id = writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, options));
    const [first, second] = findProposal(db, id)!.options;
    const answer = (optionId: number) => writeTransaction(db, (tx) => setProposalAnswer(tx, id, { chosenOptionId: optionId, declineReason: null, declineNote: null, answeredOn: "2026-12-02", answeredAt: "2026-12-02T10:00:00.000Z" }));
    expect(answer(second.id)).toBe(1);
    expect(answer(first.id)).toBe(0);
    expect(findProposal(db, id)?.chosenOptionId).toBe(second.id);
  });

  test("two options with the same name are refused by the database too", () => {
    expect(() => writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, [option("Same", [0], 600, 1), option("Same", [1], 300, 1)]))).toThrow();
    expect(findProposalForQuote(db, quoteId)).toBeUndefined();
  });

  test("deleting the quote deletes its proposal, items and options", () => {
    writeTransaction(db, (tx) => saveProposalRows(tx, header(), items, options));
    db.delete(quotes).where(eq(quotes.id, quoteId)).run();
    expect(listProposals(db)).toHaveLength(0);
    expect(db.select().from(proposalItems).all()).toHaveLength(0);
    expect(db.select().from(proposalOptionItems).all()).toHaveLength(0);
  });
});
