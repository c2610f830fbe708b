/**
 * GET /api/v1/dashboard carries the Proposals section (lib/dashboard/proposals.ts): options chosen by
 * place and name, tier proposals haggled against single-price quotes, declines by reason.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTransaction, type DB } from "@/db/connection";
import { findProposalForQuote, saveProposalRows, setProposalAnswer, setProposalShare } from "@/db/proposals";
import type { ProposalFigures } from "@/lib/dashboard";
import { readyDb } from "@/server/database";
import { todayFor } from "@/server/clock";
import * as q from "./use-cases";

// The route handlers read WALKAWAY_DB through the shared connection: point it at a temp file first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "walkaway-dashboard-proposals-"));
process.env.WALKAWAY_DB = path.join(dir, "book.db");
let db: DB;
let today: string;
let web: number;

beforeAll(async () => {
  db = await readyDb();
  today = todayFor(db);
  web = q.createService(db, { name: "Web development", unit: "hour", currency: "USD", floorRate: 7000, targetRate: 10000, marketRate: 12000 }).id;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A sent quote; with `names`, a sent proposal of those options; `haggled`: the client asked for 10% off. */
function quote(opts: { names?: string[]; haggled?: boolean; chose?: number; declined?: "price" | "wrong_timing" }) {
  const clientId = q.createClient(db, { name: `Proposal client ${++n}`, leadSource: "referral", status: "active" }).id;
  const { id } = q.createQuote(db, { clientId, serviceId: web, title: `Job ${n}`, estimatedMinutes: 1200, quotedAmount: 200000, currency: "USD", status: "sent", sentOn: today }, today);
  if (opts.haggled) q.addQuoteEvent(db, id, { kind: "discount_request", percentBp: 1000, occurredOn: today }, today);
  if (!opts.names) return;
  writeTransaction(db, (t) => {
    const pid = saveProposalRows(
      t,
      { quoteId: id, currency: "USD", unit: "hour", floorRate: 7000, targetRate: 10000, marketRate: 12000, rush: false, rushMultiplierPct: 150, hoursPerDay: 8, minimumFee: 0, belowFloorConfirmed: false, intro: null, terms: null, expiresOn: "2999-12-31" },
      opts.names!.map((name) => ({ name: `${name} work`, minutes: 600 })),
      opts.names!.map((name, i) => ({ name, summary: null, minutes: 600 * (i + 1), price: 60000 * (i + 1), priceSource: "rate_card" as const, rateCardPrice: 60000 * (i + 1), items: opts.names!.slice(0, i + 1).map((_, j) => j) })),
    );
    setProposalShare(t, pid, { shareToken: `token-${pid}-${n}`, sentOn: today });
    const p = findProposalForQuote(t, id)!;
    if (opts.chose != null || opts.declined) {
      setProposalAnswer(t, pid, { chosenOptionId: opts.chose != null ? p.options[opts.chose].id : null, declineReason: opts.declined ?? null, declineNote: null, answeredOn: today, answeredAt: `${today}T12:00:00.000Z` });
    }
  });
}

async function dashboard(): Promise<ProposalFigures> {
  const { GET } = await import("@/app/api/v1/dashboard/route");
  const res = await GET(new Request("http://x/api/v1/dashboard?range=30d"), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { proposals: ProposalFigures }).proposals;
}

describe("GET /api/v1/dashboard: proposals", () => {
  test("no proposals: the section is there, empty", async () => {
    quote({ haggled: true });
    const p = await dashboard();
    expect(p).toMatchObject({ sent: 0, chosen: 0, declined: 0 });
    expect(p.haggle.proposals).toMatchObject({ part: 0, whole: 0, enough: false });
    expect(p.haggle.singlePrice).toMatchObject({ part: 1, whole: 1, enough: false });
  });

  test("choices by place and name, haggle shares with their counts, declines by reason", async () => {
    const three = ["Essentials", "Standard", "Complete"];
    quote({ names: three, chose: 1, haggled: true });
    quote({ names: three, chose: 1 });
    quote({ names: three, chose: 0 });
    quote({ names: three, chose: 2 });
    quote({ names: ["Lite", "Full"], declined: "price", haggled: true });
    quote({ names: three });
    for (let i = 0; i < 4; i++) quote({ haggled: i < 3 });
    const p = await dashboard();
    expect([p.sent, p.chosen, p.declined]).toEqual([6, 4, 1]);
    expect(p.byPlace.map((x) => [x.place, x.chosen])).toEqual([
      ["first", 1],
      ["middle", 2],
      ["last", 1],
    ]);
    expect(p.byName).toEqual([
      { name: "Standard", chosen: 2 },
      { name: "Complete", chosen: 1 },
      { name: "Essentials", chosen: 1 },
    ]);
    // 2 of 6 proposals haggled (33.33%); single price: the first test's quote plus these 4, 4 of 5 (80%)
    expect(p.haggle.proposals).toMatchObject({ part: 2, whole: 6, bp: 3333, enough: true });
    expect(p.haggle.singlePrice).toMatchObject({ part: 4, whole: 5, bp: 8000, enough: true });
    expect(p.haggle.comparison.enough).toBe(true);
    expect(p.declines.find((r) => r.reason === "price")?.n).toBe(1);
  });
});
