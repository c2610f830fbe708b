// npm run bench:data [-- --scale N] — generate a benchmark book: a studio's ten years of history.
//
// Scale 1 (the default): 1,000 clients, 10,000 quotes, 100,000 negotiation events and interactions
// together, a rate card of 20 services. Scale N: N × every count but the rate card (--scale 10: 10,000
// clients, 100,000 quotes, 1,000,000 events and interactions), same profiles and power law.
// Reproducible: a seeded PRNG (no Math.random) and dates counted back from an anchor day (BENCH_TODAY,
// default today in UTC, so the dashboard's "last 365 days" always has data). The same BENCH_SEED,
// BENCH_TODAY and scale give the same file contents, row for row.
//
// Written into bench/data/bench.db (scale 1) or bench/data/bench-Nx.db (git-ignored; WALKAWAY_BENCH_DB
// moves them), on a database migrated with the real migrations; bulk inserts with prepared statements
// inside one transaction. Memory stays bounded: interactions are streamed into a temporary table (on
// disk) and copied over in date order by SQLite, not held in JavaScript.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { isoDateOf } from "@/lib/dates";
import { replayNegotiation } from "@/lib/negotiation";
import type { LeadSource, QuoteEvent, QuoteStatus, RejectionReason, Unit } from "@/lib/domain";
import { pruneScoreChanges } from "@/db/score-changes";
import { benchCounts, benchDbPath, benchToday, scaleArg } from "@/bench/config";

// ---------------- seeded PRNG (mulberry32) ----------------
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.BENCH_SEED ?? 20261124);
const rand = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number) => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
function weighted<T>(pairs: readonly (readonly [T, number])[]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

// ---------------- dates ----------------
const TODAY = benchToday();
const DAY = 86_400_000;
const todayMs = Date.parse(`${TODAY}T00:00:00Z`);
const iso = (daysAgo: number) => isoDateOf(new Date(todayMs - Math.max(0, daysAgo) * DAY));
const stamp = (daysAgo: number, minute = 0) => new Date(todayMs - Math.max(0, daysAgo) * DAY + (9 * 60 + (minute % 480)) * 60_000).toISOString();
const TEN_YEARS = 3652;

// ---------------- the rate card ----------------
const SERVICE_NAMES: [string, Unit, number][] = [
  // name, unit, target rate in dollars per unit
  ["Web development", "hour", 120],
  ["Frontend engineering", "hour", 130],
  ["Backend engineering", "hour", 140],
  ["Mobile app development", "hour", 135],
  ["UX research", "hour", 110],
  ["UI design", "hour", 105],
  ["Brand identity", "day", 900],
  ["Logo design", "hour", 95],
  ["Copywriting", "hour", 85],
  ["Technical writing", "hour", 90],
  ["SEO audit", "day", 800],
  ["Performance audit", "day", 1100],
  ["Security review", "day", 1300],
  ["Workshop facilitation", "day", 1500],
  ["Strategy consulting", "hour", 180],
  ["Illustration", "hour", 80],
  ["Motion design", "hour", 100],
  ["Photography", "day", 950],
  ["Data analysis", "hour", 125],
  ["Localization (EU)", "hour", 90],
];

// ---------------- names ----------------
const FIRST = ["Northwind", "Fjord", "Lumen", "Atlas", "Pebble", "Brightline", "Cobalt", "Harbor", "Juniper", "Kestrel", "Meridian", "Orchid", "Quarry", "Redwood", "Summit", "Tidal", "Umber", "Vesper", "Willow", "Zephyr", "Aurora", "Basalt", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Helix", "Indigo", "Jade"];
const SECOND = ["Studio", "Labs", "Health", "Outdoors", "Apps", "Media", "Works", "Partners", "Foods", "Logistics", "Finance", "Collective", "Digital", "Ventures", "Design", "Systems", "Retail", "Energy", "Legal", "Education"];
const SUFFIX = ["Ltd", "Inc", "GmbH", "LLC", "Co", "SAS", "BV", ""];
const TITLES = ["Website rebuild", "Landing pages", "Brand refresh", "Feature sprint", "Audit", "Redesign", "Campaign", "Migration", "Prototype", "Workshop", "Content batch", "Maintenance retainer", "Launch support", "Onboarding flow", "Dashboard", "Style guide"];
const NOTES = [
  "Asks for a discount on everything.",
  "Design agency; sends me their overflow. Always on time.",
  "\"It's a great opportunity for your portfolio.\"",
  "Seasonal work, busy in spring.",
  "Slow to answer, quick to ask.",
  "Repeat work every quarter; pays on the day.",
  "Procurement insists on three quotes every time.",
];

// ---------------- client profiles ----------------
type Profile = "good" | "haggler" | "drainer" | "late_payer" | "ghost";
interface ProfileParams {
  haggle: number; // chance a quote is haggled
  concede: number; // chance I concede / meet halfway when asked
  accept: number; // chance a decided quote is accepted
  priceFactor: [number, number]; // quoted rate vs target (percent)
  late: [number, number]; // days late range
  answer: number; // chance a follow-up is answered
  asks: number; // share of interactions that are asks
  gives: number; // share of interactions that are gives
}
const PROFILES: Record<Profile, ProfileParams> = {
  good: { haggle: 0.3, concede: 0.3, accept: 0.75, priceFactor: [95, 125], late: [0, 3], answer: 0.9, asks: 0.15, gives: 0.25 },
  haggler: { haggle: 0.9, concede: 0.55, accept: 0.55, priceFactor: [70, 105], late: [0, 15], answer: 0.6, asks: 0.3, gives: 0.05 },
  drainer: { haggle: 0.75, concede: 0.6, accept: 0.6, priceFactor: [55, 95], late: [5, 45], answer: 0.4, asks: 0.55, gives: 0.02 },
  late_payer: { haggle: 0.5, concede: 0.35, accept: 0.65, priceFactor: [85, 115], late: [10, 75], answer: 0.55, asks: 0.25, gives: 0.05 },
  ghost: { haggle: 0.5, concede: 0.4, accept: 0.3, priceFactor: [80, 110], late: [0, 20], answer: 0.15, asks: 0.2, gives: 0.02 },
};

const SCALE = scaleArg(process.argv.slice(2)) ?? 1;

/** Peak RSS of this process so far, in MiB (the kernel's high-water mark). */
const peakRssMiB = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

function main() {
  const t0 = performance.now();
  const file = benchDbPath(SCALE);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  return migrateDatabase(db).then(() => {
    const sqlite = db.$client;
    const tMigrated = performance.now();

    const insService = sqlite.prepare(
      "INSERT INTO services (id, name, unit, currency, market_rate, target_rate, floor_rate, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insClient = sqlite.prepare(
      "INSERT INTO clients (id, name, company, email, lead_source, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insQuote = sqlite.prepare(
      `INSERT INTO quotes (id, client_id, service_id, title, scope, estimated_minutes, quoted_amount, currency, status, agreed_amount,
        sent_on, decided_on, rejection_reason, came_back_at_my_price, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insEvent = sqlite.prepare(
      "INSERT INTO quote_events (id, quote_id, kind, answer, percent_bp, amount, scope_minutes, note, occurred_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );

    const counts = { services: 0, clients: 0, quotes: 0, events: 0, interactions: 0 };
    const N = benchCounts(SCALE);
    // interactions get ids in date order (as if entered over ten years): staged on disk, copied in order
    sqlite.pragma("temp_store = FILE");
    sqlite.exec(
      `CREATE TEMP TABLE staged_interactions (client_id, quote_id, kind, subtype, minutes, paid, answered, days_late, amount, initiated_by, note, occurred_on, created_at)`,
    );
    const insStaged = sqlite.prepare("INSERT INTO temp.staged_interactions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    sqlite.transaction(() => {
      // ---- services ----
      const services = SERVICE_NAMES.slice(0, N.services).map(([name, unit, target], k) => {
        const currency = name.endsWith("(EU)") ? "EUR" : "USD";
        const targetRate = target * 100;
        const floorRate = Math.round((targetRate * int(60, 80)) / 100);
        const marketRate = Math.round((targetRate * int(85, 120)) / 100);
        const id = k + 1;
        insService.run(id, name, unit, currency, marketRate, targetRate, floorRate, stamp(TEN_YEARS), stamp(int(0, 400)));
        counts.services += 1;
        return { id, unit, currency, targetRate };
      });

      // ---- clients, with a skewed share of the quotes (a few long relationships, many one-offs) ----
      const weights = Array.from({ length: N.clients }, (_, k) => 1 / Math.pow(k + 1, 0.7));
      const wsum = weights.reduce((s, w) => s + w, 0);
      const extra = N.quotes - N.clients; // every client has at least one quote
      const shares = weights.map((w) => (w * extra) / wsum);
      const quotaOf = shares.map((s) => 1 + Math.floor(s));
      let missing = N.quotes - quotaOf.reduce((s, q) => s + q, 0);
      const byRemainder = shares.map((s, k) => [s - Math.floor(s), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (let k = 0; missing > 0; k++, missing--) quotaOf[byRemainder[k % N.clients][1]] += 1;
      // shuffle which client id gets which quota (Fisher-Yates on the seeded PRNG)
      for (let k = quotaOf.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [quotaOf[k], quotaOf[j]] = [quotaOf[j], quotaOf[k]];
      }

      interface ClientPlan {
        id: number;
        profile: Profile;
        start: number; // days ago the relationship started
        end: number; // days ago it was last active
        services: (typeof services)[number][];
        quoteIds: number[];
        quoteDays: number[];
      }
      const plans: ClientPlan[] = [];
      for (let k = 0; k < N.clients; k++) {
        const id = k + 1;
        const profile = weighted<Profile>([["good", 40], ["haggler", 25], ["drainer", 15], ["late_payer", 10], ["ghost", 10]]);
        const nq = quotaOf[k];
        const length = Math.min(TEN_YEARS, 30 + nq * int(20, 60));
        const end = chance(0.55) ? int(0, 120) : int(0, TEN_YEARS - length);
        const start = Math.min(TEN_YEARS, end + length);
        const first = pick(FIRST);
        const second = pick(SECOND);
        const name = `${first} ${second} ${String(id).padStart(4, "0")}`;
        const suffix = pick(SUFFIX);
        const leadSource = weighted<LeadSource>([["referral", 30], ["inbound", 25], ["platform", 20], ["cold_outreach", 10], ["repeat", 10], ["other", 5]]);
        const status = end > 365 ? weighted([["walked_away", 30], ["archived", 50], ["paused", 20]] as const) : weighted([["active", 70], ["prospect", 20], ["paused", 10]] as const);
        insClient.run(
          id,
          name,
          chance(0.85) ? `${first} ${second}${suffix ? ` ${suffix}` : ""}` : null,
          chance(0.8) ? `hello@${first.toLowerCase()}-${second.toLowerCase()}-${id}.example` : null,
          leadSource,
          status,
          chance(0.3) ? pick(NOTES) : null,
          stamp(start, id),
          stamp(end, id),
        );
        counts.clients += 1;
        const svcCount = int(1, 3);
        const own = Array.from({ length: svcCount }, () => pick(services));
        plans.push({ id, profile, start, end, services: own, quoteIds: [], quoteDays: [] });
      }

      // ---- quotes and their negotiations ----
      // Quote ids are given in date order across the book (as if entered over ten years).
      interface QuotePlan {
        client: ClientPlan;
        sent: number; // days ago
      }
      const quotePlans: QuotePlan[] = [];
      plans.forEach((c, k) => {
        for (let j = 0; j < quotaOf[k]; j++) quotePlans.push({ client: c, sent: int(c.end, c.start) });
      });
      quotePlans.sort((a, b) => b.sent - a.sent || a.client.id - b.client.id);

      let eventId = 0;
      quotePlans.forEach((qp, k) => {
        const id = k + 1;
        const c = qp.client;
        const p = PROFILES[c.profile];
        const svc = chance(0.95) ? pick(c.services) : null;
        const currency = svc?.currency ?? "USD";
        const unitMinutes = svc?.unit === "day" ? 8 * 60 : 60;
        const units = svc?.unit === "day" ? int(1, 20) : int(2, 160);
        const estimatedMinutes = units * unitMinutes;
        const rate = Math.round(((svc?.targetRate ?? 11000) * int(p.priceFactor[0], p.priceFactor[1])) / 100);
        const quotedAmount = Math.max(100, Math.round((rate * units) / 100) * 100);
        const sent = qp.sent;
        const open = sent < 45 && chance(0.6);
        let status: QuoteStatus;
        if (open) status = weighted<QuoteStatus>([["draft", 15], ["sent", 45], ["negotiating", 40]]);
        else status = chance(p.accept) ? "accepted" : weighted<QuoteStatus>([["rejected", 50], ["declined_by_me", 15], ["withdrawn", 10], ["expired", 25]]);
        const decided = open ? null : Math.max(0, sent - int(1, 30));

        // the negotiation: rounds of (ask → my answer), dated between sent and decided
        const events: QuoteEvent[] = [];
        const haggled = status !== "draft" && (status === "negotiating" || chance(p.haggle));
        if (haggled) {
          const rounds = weighted([[1, 45], [2, 35], [3, 20]] as const);
          let day = sent;
          const last = decided ?? 0;
          for (let r = 0; r < rounds; r++) {
            day = Math.max(last, day - int(0, 3));
            const ev = (e: Partial<QuoteEvent> & Pick<QuoteEvent, "kind">) => {
              eventId += 1;
              events.push({ id: eventId, quoteId: id, answer: null, percentBp: null, amount: null, scopeMinutes: null, note: null, occurredOn: iso(day), createdAt: stamp(day, eventId), ...e });
            };
            if (chance(0.6)) ev({ kind: "discount_request", percentBp: int(5, 40) * 100, note: chance(0.1) ? "Budget approved at less" : null });
            else if (chance(0.5)) ev({ kind: "discount_request", amount: Math.round((quotedAmount * int(5, 30)) / 10000) * 100 });
            else ev({ kind: "client_counter", amount: Math.round((quotedAmount * int(60, 95)) / 10000) * 100 });
            if (status === "negotiating" && r === rounds - 1 && chance(0.5)) break; // waiting for my answer
            day = Math.max(last, day - int(0, 2));
            if (chance(0.15)) {
              ev({ kind: "my_counter", amount: Math.round((quotedAmount * int(85, 98)) / 10000) * 100 });
              continue;
            }
            const answer = chance(p.concede) ? (chance(0.5) ? "conceded" : "met_halfway") : chance(0.4) ? "cut_scope" : "held_firm";
            if (answer === "cut_scope") ev({ kind: "my_answer", answer, scopeMinutes: Math.max(60, Math.round((estimatedMinutes * int(60, 90)) / 100)) });
            else ev({ kind: "my_answer", answer, note: chance(0.05) ? "Dropped the admin dashboard instead" : null });
          }
        }
        const agreedAmount = status === "accepted" ? replayNegotiation({ quotedAmount, estimatedMinutes, agreedAmount: null, events }).currentPrice : null;
        const rejectionReason: RejectionReason | null =
          status === "rejected" || status === "declined_by_me" ? weighted<RejectionReason>([["price", 45], ["wrong_fit", 20], ["wrong_timing", 20], ["wrong_person", 10], ["other", 5]]) : null;
        insQuote.run(
          id,
          c.id,
          svc?.id ?? null,
          `${pick(TITLES)} ${id}`,
          chance(0.4) ? "Discovery, design, build and one round of revisions." : null,
          estimatedMinutes,
          quotedAmount,
          currency,
          status,
          agreedAmount,
          status === "draft" ? null : iso(sent),
          decided == null ? null : iso(decided),
          rejectionReason,
          rejectionReason && chance(0.05) ? 1 : 0,
          stamp(sent, id),
          stamp(decided ?? sent, id),
        );
        counts.quotes += 1;
        for (const e of events) {
          insEvent.run(e.id, e.quoteId, e.kind, e.answer, e.percentBp, e.amount, e.scopeMinutes, e.note, e.occurredOn, e.createdAt);
          counts.events += 1;
        }
        c.quoteIds.push(id);
        c.quoteDays.push(sent);
      });

      // ---- interactions: the rest of the 100,000, spread like the quotes (plus a base per client) ----
      const totalInteractions = N.eventsAndInteractions - counts.events;
      const iw = plans.map((c) => c.quoteIds.length + 2);
      const iwsum = iw.reduce((s, w) => s + w, 0);
      const iquota = iw.map((w) => Math.floor((w * totalInteractions) / iwsum));
      let left = totalInteractions - iquota.reduce((s, q) => s + q, 0);
      for (let k = 0; left > 0; k = (k + 1) % iquota.length, left--) iquota[k] += 1;

      plans.forEach((c, k) => {
        const p = PROFILES[c.profile];
        for (let j = 0; j < iquota[k]; j++) {
          const day = int(c.end, c.start);
          const kind = weighted([["ask", p.asks], ["give", p.gives], ["follow_up", 0.35], ["payment", 0.3]] as const);
          const quoteId = c.quoteIds.length && chance(kind === "ask" ? 0.4 : kind === "payment" ? 0.6 : 0.1) ? pick(c.quoteIds) : null;
          const note = chance(0.08) ? "Logged from a phone call" : null;
          switch (kind) {
            case "ask":
              insStaged.run(c.id, quoteId, "ask", pick(["unpaid_favour", "quick_question", "scope_creep", "rush_demand", "free_consult"]), chance(0.1) ? null : int(1, 16) * 15, chance(0.15) ? 1 : 0, null, null, null, "client", note, iso(day), stamp(day, j));
              break;
            case "give":
              insStaged.run(c.id, quoteId, "give", pick(["referral", "testimonial", "repeat_work", "prompt_payment"]), null, null, null, null, null, "client", note, iso(day), stamp(day, j));
              break;
            case "follow_up":
              insStaged.run(c.id, quoteId, "follow_up", null, null, null, chance(0.05) ? null : chance(p.answer) ? 1 : 0, null, null, "me", note, iso(day), stamp(day, j));
              break;
            case "payment":
              insStaged.run(c.id, quoteId, "payment", null, null, null, null, chance(0.6) ? 0 : int(p.late[0], p.late[1]), int(5, 200) * 10000, "client", note, iso(day), stamp(day, j));
              break;
          }
        }
      });
      // ids in date order, then by client, then in the order generated (the staging table's rowid)
      counts.interactions = sqlite
        .prepare(
          `INSERT INTO interactions (id, client_id, quote_id, kind, subtype, minutes, paid, answered, days_late, amount, initiated_by, note, occurred_on, created_at)
           SELECT row_number() OVER (ORDER BY occurred_on, client_id, rowid), client_id, quote_id, kind, subtype, minutes, paid, answered, days_late, amount, initiated_by, note, occurred_on, created_at
           FROM temp.staged_interactions ORDER BY occurred_on, client_id, rowid`,
        )
        .run().changes;
    })();
    const tInserted = performance.now();
    sqlite.exec("DROP TABLE temp.staged_interactions");
    // the triggers logged every inserted row as a score change: nothing is cached yet, so none is needed
    const pruned = pruneScoreChanges(db);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    const t1 = performance.now();
    const size = fs.statSync(file).size;
    console.log(
      `Bench book (scale ${SCALE}) written to ${file} (seed ${SEED}, anchored on ${TODAY}): ${counts.services} services, ${counts.clients} clients, ${counts.quotes} quotes, ` +
        `${counts.events} negotiation events + ${counts.interactions} interactions = ${counts.events + counts.interactions}; ${(size / 1048576).toFixed(1)} MiB.`,
    );
    console.log(
      `Took ${((t1 - t0) / 1000).toFixed(2)} s (migrations ${((tMigrated - t0) / 1000).toFixed(2)} s, generating and inserting ${((tInserted - tMigrated) / 1000).toFixed(2)} s, pruning the score change log (${pruned} entries) and checkpoint ${((t1 - tInserted) / 1000).toFixed(2)} s); peak RSS ${peakRssMiB()} MiB.`,
    );
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
