/**
 * Test builders and fast-check arbitraries for the domain (clients, quotes, events, interactions, services).
 * Builders fill every field with a plain default; pass only what a test is about.
 * Ids: pass them when order matters; otherwise a module counter hands out fresh ones (resetIds() to restart).
 */
import fc from "fast-check";
import {
  ASK_KINDS,
  DEFAULT_SETTINGS,
  GIVE_KINDS,
  QUOTE_STATUSES,
  type Client,
  type ClientHistory,
  type Interaction,
  type QuoteEvent,
  type QuoteWithEvents,
  type Service,
  type Settings,
} from "@/lib/domain";

let nextId = 1000;
export function resetIds(start = 1000): void {
  nextId = start;
}
function freshId(): number {
  return nextId++;
}

export const TODAY = "2025-06-30";

export function makeClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 1,
    name: "Acme",
    company: null,
    email: null,
    leadSource: "referral",
    status: "active",
    notes: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** Web development, per hour, USD: market $120, target $100, floor $70. */
export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: 1,
    name: "Web development",
    unit: "hour",
    currency: "USD",
    marketRate: 12000,
    targetRate: 10000,
    floorRate: 7000,
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<QuoteEvent> & Pick<QuoteEvent, "kind">): QuoteEvent {
  return {
    id: freshId(),
    quoteId: 1,
    answer: null,
    percentBp: null,
    amount: null,
    scopeMinutes: null,
    note: null,
    occurredOn: "2025-02-01",
    createdAt: "2025-02-01T00:00:00.000Z",
    ...overrides,
  };
}

/** A quote of 10 h for $1,000 on service 1, sent; events get the quote's id. */
export function makeQuote(overrides: Partial<QuoteWithEvents> = {}): QuoteWithEvents {
  const id = overrides.id ?? freshId();
  return {
    id,
    clientId: 1,
    serviceId: 1,
    title: `Quote ${id}`,
    scope: null,
    estimatedMinutes: 600,
    quotedAmount: 100000,
    currency: "USD",
    status: "sent",
    agreedAmount: null,
    sentOn: "2025-01-15",
    decidedOn: null,
    rejectionReason: null,
    cameBackAtMyPrice: false,
    createdAt: "2025-01-15T00:00:00.000Z",
    updatedAt: "2025-01-15T00:00:00.000Z",
    ...overrides,
    events: (overrides.events ?? []).map((e) => ({ ...e, quoteId: id })),
  };
}

export function makeInteraction(overrides: Partial<Interaction> & Pick<Interaction, "kind">): Interaction {
  return {
    id: freshId(),
    clientId: 1,
    quoteId: null,
    subtype: null,
    minutes: null,
    paid: null,
    answered: null,
    daysLate: null,
    amount: null,
    initiatedBy: null,
    note: null,
    occurredOn: "2025-03-01",
    createdAt: "2025-03-01T00:00:00.000Z",
    ...overrides,
  };
}

export function makeHistory(parts: { client?: Partial<Client>; quotes?: QuoteWithEvents[]; interactions?: Interaction[] } = {}): ClientHistory {
  return { client: makeClient(parts.client), quotes: parts.quotes ?? [], interactions: parts.interactions ?? [] };
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

// ---- shuffling (seeded, so a failing property replays) ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rnd = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same history with quotes, each quote's events and interactions in another order. */
export function shuffleHistory(history: ClientHistory, seed: number): ClientHistory {
  return {
    client: history.client,
    quotes: shuffle(history.quotes, seed).map((q, i) => ({ ...q, events: shuffle(q.events, seed + 7 * i + 1) })),
    interactions: shuffle(history.interactions, seed + 99991),
  };
}

// ---- arbitraries ----

/** ISO dates in a 60-day window, so ties on date (broken by id) are common. */
export function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
}
export const arbDate = fc.integer({ min: 0, max: 59 }).map(isoDay);
/** A date after every generated date: appends an item as the most recent. */
export const LATER_DATE = "2026-01-01";

export const arbSettings: fc.Arbitrary<Settings> = fc
  .record({
    weightPricePressure: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
    weightReciprocity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
    weightPay: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
    weightChasing: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
    weightPayment: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
    bandKeep: fc.integer({ min: 41, max: 95 }),
    bandWalkAway: fc.integer({ min: 5, max: 40 }),
    chaseThreshold: fc.integer({ min: 1, max: 4 }),
    hoursPerDay: fc.constantFrom(6, 7.5, 8, 10),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s }));

/** 1-3 services with ids 1..n; floor ≤ target, market anywhere (it can sit below target). */
export const arbServices: fc.Arbitrary<Service[]> = fc
  .array(
    fc.record({
      unit: fc.constantFrom("hour" as const, "day" as const),
      currency: fc.constantFrom("USD", "USD", "USD", "EUR"),
      a: fc.integer({ min: 0, max: 30000 }),
      b: fc.integer({ min: 1, max: 30000 }),
      marketRate: fc.integer({ min: 0, max: 40000 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      id: i + 1,
      name: `Service ${i + 1}`,
      unit: r.unit,
      currency: r.currency,
      floorRate: Math.min(r.a, r.b),
      targetRate: Math.max(r.a, r.b),
      marketRate: r.marketRate,
    })),
  );

const arbEventDraft = fc.oneof(
  fc.record({
    kind: fc.constant("discount_request" as const),
    percentBp: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null }),
    amount: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
    answer: fc.constant(null),
    scopeMinutes: fc.constant(null),
    occurredOn: arbDate,
  }),
  fc.record({
    kind: fc.constant("client_counter" as const),
    percentBp: fc.constant(null),
    amount: fc.option(fc.integer({ min: 0, max: 400000 }), { nil: null }),
    answer: fc.constant(null),
    scopeMinutes: fc.constant(null),
    occurredOn: arbDate,
  }),
  fc.record({
    kind: fc.constant("my_answer" as const),
    percentBp: fc.constant(null),
    amount: fc.option(fc.integer({ min: 0, max: 400000 }), { nil: null }),
    answer: fc.constantFrom("held_firm" as const, "conceded" as const, "met_halfway" as const, "cut_scope" as const),
    scopeMinutes: fc.option(fc.integer({ min: 1, max: 6000 }), { nil: null }),
    occurredOn: arbDate,
  }),
  fc.record({
    kind: fc.constant("my_counter" as const),
    percentBp: fc.constant(null),
    amount: fc.option(fc.integer({ min: 0, max: 400000 }), { nil: null }),
    answer: fc.constant(null),
    scopeMinutes: fc.constant(null),
    occurredOn: arbDate,
  }),
);

const arbQuoteDraft = fc.record({
  serviceSlot: fc.integer({ min: 0, max: 4 }), // 0 = none, 4 = a missing service id, else index+1
  status: fc.constantFrom(...QUOTE_STATUSES, "accepted", "accepted"),
  estimatedMinutes: fc.integer({ min: 30, max: 6000 }),
  quotedAmount: fc.integer({ min: 0, max: 400000 }),
  currency: fc.constantFrom("USD", "USD", "USD", "EUR"),
  agreedDelta: fc.option(fc.integer({ min: -100000, max: 50000 }), { nil: null }),
  events: fc.array(arbEventDraft, { maxLength: 4 }),
});

const arbInteractionDraft = fc.oneof(
  fc.record({
    kind: fc.constant("ask" as const),
    subtype: fc.option(fc.constantFrom(...ASK_KINDS), { nil: null }),
    minutes: fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }),
    paid: fc.option(fc.boolean(), { nil: null }),
    answered: fc.constant(null),
    daysLate: fc.constant(null),
    occurredOn: arbDate,
    quoteSlot: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("give" as const),
    subtype: fc.option(fc.constantFrom(...GIVE_KINDS), { nil: null }),
    minutes: fc.constant(null),
    paid: fc.constant(null),
    answered: fc.constant(null),
    daysLate: fc.constant(null),
    occurredOn: arbDate,
    quoteSlot: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("follow_up" as const),
    subtype: fc.constant(null),
    minutes: fc.constant(null),
    paid: fc.constant(null),
    answered: fc.option(fc.boolean(), { nil: null, freq: 6 }),
    daysLate: fc.constant(null),
    occurredOn: arbDate,
    quoteSlot: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("payment" as const),
    subtype: fc.constant(null),
    minutes: fc.constant(null),
    paid: fc.constant(null),
    answered: fc.constant(null),
    daysLate: fc.option(fc.integer({ min: -5, max: 90 }), { nil: null, freq: 6 }),
    occurredOn: arbDate,
    quoteSlot: fc.integer({ min: 0, max: 6 }),
  }),
);

/** A valid history: unique ids, events belong to their quote, agreed amounts only on accepted quotes. */
export function arbHistory(services: Service[], opts: { maxQuotes?: number; maxInteractions?: number } = {}): fc.Arbitrary<ClientHistory> {
  return fc
    .record({
      quotes: fc.array(arbQuoteDraft, { maxLength: opts.maxQuotes ?? 6 }),
      interactions: fc.array(arbInteractionDraft, { maxLength: opts.maxInteractions ?? 12 }),
    })
    .map(({ quotes, interactions }) => {
      let eventId = 1;
      const built: QuoteWithEvents[] = quotes.map((q, i) => {
        const id = i + 1;
        const serviceId = q.serviceSlot === 0 ? null : q.serviceSlot === 4 ? 99 : (services[(q.serviceSlot - 1) % services.length]?.id ?? null);
        const agreedAmount = q.status === "accepted" && q.agreedDelta != null ? Math.max(0, q.quotedAmount + q.agreedDelta) : null;
        return makeQuote({
          id,
          serviceId,
          title: `Quote ${id}`,
          status: q.status,
          estimatedMinutes: q.estimatedMinutes,
          quotedAmount: q.quotedAmount,
          currency: q.currency,
          agreedAmount,
          events: q.events.map((e) => makeEvent({ ...e, id: eventId++, quoteId: id, createdAt: `${e.occurredOn}T00:00:00.000Z` })),
        });
      });
      const builtInteractions: Interaction[] = interactions.map((d, i) => {
        const { quoteSlot, ...rest } = d;
        return makeInteraction({
          ...rest,
          id: i + 1,
          quoteId: quoteSlot > 0 && quoteSlot <= built.length ? quoteSlot : null,
          createdAt: `${d.occurredOn}T00:00:00.000Z`,
        });
      });
      return { client: makeClient(), quotes: built, interactions: builtInteractions };
    });
}

export interface Scenario {
  settings: Settings;
  services: Service[];
  history: ClientHistory;
}

export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({ settings: arbSettings, services: arbServices })
  .chain(({ settings, services }) => arbHistory(services).map((history) => ({ settings, services, history })));

/** Next free id for a new event / interaction / quote in a history. */
export function nextIds(history: ClientHistory): { quote: number; event: number; interaction: number } {
  const maxOf = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), 0);
  return {
    quote: maxOf(history.quotes.map((q) => q.id)) + 1,
    event: maxOf(history.quotes.flatMap((q) => q.events.map((e) => e.id))) + 1,
    interaction: maxOf(history.interactions.map((i) => i.id)) + 1,
  };
}

// ---- the worked examples of docs/worth-model.md (same numbers; tests check them) ----

/** Web development per hour (market $120, target $100, floor $70) and video editing per day (8 h). */
export const EXAMPLE_SERVICES: Service[] = [
  makeService(),
  makeService({ id: 2, name: "Video editing", unit: "day", marketRate: 80000, targetRate: 65000, floorRate: 50000 }),
];

/** A. Harbor & Co: haggles often, but you mostly held or traded scope. */
export function exampleHarbor(): ClientHistory {
  return makeHistory({
    client: { id: 1, name: "Harbor & Co" },
    quotes: [
      makeQuote({
        id: 1, title: "Landing page", status: "accepted", estimatedMinutes: 600, quotedAmount: 100000,
        events: [
          makeEvent({ id: 1, kind: "discount_request", percentBp: 2000, occurredOn: "2025-02-01" }),
          makeEvent({ id: 2, kind: "my_answer", answer: "conceded", occurredOn: "2025-02-02" }),
        ],
      }),
      makeQuote({
        id: 2, title: "Shop", status: "accepted", estimatedMinutes: 1200, quotedAmount: 200000,
        events: [
          makeEvent({ id: 3, kind: "discount_request", percentBp: 1000, occurredOn: "2025-03-01" }),
          makeEvent({ id: 4, kind: "my_answer", answer: "held_firm", occurredOn: "2025-03-02" }),
        ],
      }),
      makeQuote({
        id: 3, title: "Audit", status: "accepted", estimatedMinutes: 300, quotedAmount: 50000,
        events: [
          makeEvent({ id: 5, kind: "client_counter", amount: 35000, occurredOn: "2025-04-01" }),
          makeEvent({ id: 6, kind: "my_answer", answer: "cut_scope", amount: 35000, scopeMinutes: 210, occurredOn: "2025-04-02" }),
        ],
      }),
      makeQuote({ id: 4, title: "Blog", status: "sent", estimatedMinutes: 480, quotedAmount: 80000 }),
    ],
    interactions: [
      makeInteraction({ id: 1, kind: "ask", subtype: "scope_creep", minutes: 90, paid: false, quoteId: 1, occurredOn: "2025-02-10" }),
      makeInteraction({ id: 2, kind: "ask", subtype: "quick_question", minutes: null, paid: null, occurredOn: "2025-03-10" }),
      makeInteraction({ id: 3, kind: "give", subtype: "testimonial", occurredOn: "2025-04-10" }),
      makeInteraction({ id: 4, kind: "follow_up", answered: true, occurredOn: "2025-01-05" }),
      makeInteraction({ id: 5, kind: "follow_up", answered: false, occurredOn: "2025-05-01" }),
      makeInteraction({ id: 6, kind: "payment", daysLate: 0, occurredOn: "2025-02-20" }),
      makeInteraction({ id: 7, kind: "payment", daysLate: 14, occurredOn: "2025-03-30" }),
    ],
  });
}

/** B. Quickfix Ltd: deep asks, pay under target, late payments, three unanswered follow-ups. */
export function exampleQuickfix(): ClientHistory {
  return makeHistory({
    client: { id: 2, name: "Quickfix Ltd" },
    quotes: [
      makeQuote({
        id: 11, title: "App rebuild", status: "accepted", estimatedMinutes: 2400, quotedAmount: 400000, agreedAmount: 300000,
        events: [
          makeEvent({ id: 11, kind: "discount_request", percentBp: 4000, occurredOn: "2025-02-01" }),
          makeEvent({ id: 12, kind: "my_answer", answer: "met_halfway", occurredOn: "2025-02-03" }),
        ],
      }),
      makeQuote({ id: 12, title: "Bug fixes", status: "accepted", estimatedMinutes: 600, quotedAmount: 60000 }),
      makeQuote({
        id: 13, title: "Redesign", status: "rejected", rejectionReason: "price", estimatedMinutes: 1200, quotedAmount: 120000,
        events: [makeEvent({ id: 13, kind: "discount_request", percentBp: 5000, occurredOn: "2025-04-01" })],
      }),
    ],
    interactions: [
      makeInteraction({ id: 11, kind: "ask", subtype: "free_consult", minutes: 60, paid: false, occurredOn: "2025-01-10" }),
      makeInteraction({ id: 12, kind: "ask", subtype: "rush_demand", minutes: 120, paid: false, quoteId: 12, occurredOn: "2025-03-10" }),
      makeInteraction({ id: 13, kind: "ask", subtype: "unpaid_favour", minutes: 180, paid: false, occurredOn: "2025-04-10" }),
      makeInteraction({ id: 14, kind: "follow_up", answered: true, occurredOn: "2025-01-20" }),
      makeInteraction({ id: 15, kind: "follow_up", answered: false, occurredOn: "2025-05-01" }),
      makeInteraction({ id: 16, kind: "follow_up", answered: false, occurredOn: "2025-05-15" }),
      makeInteraction({ id: 17, kind: "follow_up", answered: false, occurredOn: "2025-06-01" }),
      makeInteraction({ id: 18, kind: "payment", daysLate: 30, occurredOn: "2025-03-15" }),
      makeInteraction({ id: 19, kind: "payment", daysLate: 45, occurredOn: "2025-05-20" }),
    ],
  });
}

/** C. Bargain Bin Media: day-rate work conceded below the floor, big unpaid asks, no answers. */
export function exampleBargainBin(): ClientHistory {
  return makeHistory({
    client: { id: 3, name: "Bargain Bin Media" },
    quotes: [
      makeQuote({
        id: 21, serviceId: 2, title: "Promo video", status: "accepted", estimatedMinutes: 1440, quotedAmount: 195000,
        events: [
          makeEvent({ id: 21, kind: "client_counter", amount: 120000, occurredOn: "2025-02-01" }),
          makeEvent({ id: 22, kind: "my_answer", answer: "conceded", occurredOn: "2025-02-02" }),
        ],
      }),
      makeQuote({
        id: 22, serviceId: 2, title: "Teaser cut", status: "accepted", estimatedMinutes: 480, quotedAmount: 65000,
        events: [
          makeEvent({ id: 23, kind: "discount_request", percentBp: 2500, occurredOn: "2025-03-01" }),
          makeEvent({ id: 24, kind: "my_answer", answer: "conceded", occurredOn: "2025-03-01" }),
        ],
      }),
    ],
    interactions: [
      makeInteraction({ id: 21, kind: "ask", subtype: "rush_demand", minutes: 240, paid: false, quoteId: 21, occurredOn: "2025-02-10" }),
      makeInteraction({ id: 22, kind: "ask", subtype: "scope_creep", minutes: 300, paid: false, quoteId: 22, occurredOn: "2025-03-10" }),
      makeInteraction({ id: 23, kind: "ask", subtype: "quick_question", minutes: 30, paid: false, occurredOn: "2025-03-20" }),
      makeInteraction({ id: 24, kind: "follow_up", answered: false, occurredOn: "2025-04-01" }),
      makeInteraction({ id: 25, kind: "follow_up", answered: false, occurredOn: "2025-04-15" }),
    ],
  });
}

/** D. Northwind: quotes only, nothing else logged — three criteria stay unknown. */
export function exampleNorthwind(): ClientHistory {
  return makeHistory({
    client: { id: 4, name: "Northwind" },
    quotes: [
      makeQuote({ id: 31, title: "API work", status: "accepted", estimatedMinutes: 600, quotedAmount: 110000 }),
      makeQuote({ id: 32, title: "Performance review", status: "accepted", estimatedMinutes: 300, quotedAmount: 65000 }),
      makeQuote({
        id: 33, title: "Mobile app", status: "sent", estimatedMinutes: 3000, quotedAmount: 300000,
        events: [makeEvent({ id: 31, kind: "discount_request", percentBp: 1000, occurredOn: "2025-05-01" })],
      }),
    ],
  });
}

/** E. New lead: a draft quote and a follow-up with no answer recorded — nothing to score yet. */
export function exampleNewLead(): ClientHistory {
  return makeHistory({
    client: { id: 5, name: "New lead" },
    quotes: [makeQuote({ id: 41, title: "Website", status: "draft" })],
    interactions: [makeInteraction({ id: 41, kind: "follow_up", answered: null, occurredOn: "2025-06-01" })],
  });
}

// ---- time: shifting and spreading histories, a clock day (worth-properties, worth-scenarios) ----

function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + iso.slice(10);
}

/** Every date of a history (events, quotes, interactions, timestamps) moved by `days`. */
export function shiftHistory(history: ClientHistory, days: number): ClientHistory {
  const move = (s: string) => addDaysIso(s, days);
  const moveOrNull = (s: string | null) => (s == null ? null : move(s));
  return {
    client: history.client,
    quotes: history.quotes.map((q) => ({
      ...q,
      sentOn: moveOrNull(q.sentOn),
      decidedOn: moveOrNull(q.decidedOn),
      createdAt: move(q.createdAt),
      updatedAt: move(q.updatedAt),
      events: q.events.map((e) => ({ ...e, occurredOn: move(e.occurredOn), createdAt: move(e.createdAt) })),
    })),
    interactions: history.interactions.map((i) => ({ ...i, occurredOn: move(i.occurredOn), createdAt: move(i.createdAt) })),
  };
}

/**
 * The arbitrary histories live in a 60-day window; this spreads them over years: each date's distance from
 * 2025-01-01 is multiplied by `factor` (order and ties are kept). Quotes get a sent date of their own.
 */
export function stretchHistory(history: ClientHistory, factor: number): ClientHistory {
  const base = Date.UTC(2025, 0, 1);
  const stretch = (s: string) => {
    const days = Math.round((Date.parse(`${s.slice(0, 10)}T00:00:00.000Z`) - base) / 86_400_000);
    return addDaysIso(`2025-01-01${s.slice(10)}`, days * factor);
  };
  const orNull = (s: string | null) => (s == null ? null : stretch(s));
  return {
    client: history.client,
    quotes: history.quotes.map((q) => ({
      ...q,
      sentOn: orNull(q.sentOn),
      decidedOn: orNull(q.decidedOn),
      createdAt: stretch(q.createdAt),
      updatedAt: stretch(q.updatedAt),
      events: q.events.map((e) => ({ ...e, occurredOn: stretch(e.occurredOn), createdAt: stretch(e.createdAt) })),
    })),
    interactions: history.interactions.map((i) => ({ ...i, occurredOn: stretch(i.occurredOn), createdAt: stretch(i.createdAt) })),
  };
}

/** Settings for the worth model's new rules too: half-life (0 = off), the red-flag cap and count. */
export const arbWorthSettings: fc.Arbitrary<Settings> = fc
  .tuple(
    arbSettings,
    fc.record({
      halfLifeMonths: fc.constantFrom(0, 3, 6, 12, 24),
      capVerdictOnRedFlag: fc.boolean(),
      redFlagsForWalkAway: fc.integer({ min: 0, max: 3 }),
    }),
  )
  .map(([s, extra]) => ({ ...s, ...extra }));

export interface ClockedScenario extends Scenario {
  /** the day the history is assessed on (YYYY-MM-DD), or undefined: no decay */
  asOf: string | undefined;
}

/**
 * A scenario spread over up to ~5 years (each quote dated by a sent day, some decided), assessed on a day
 * at or after its end, or with no day at all.
 */
export const arbClockedScenario: fc.Arbitrary<ClockedScenario> = fc
  .record({
    settings: arbWorthSettings,
    services: arbServices,
    stretch: fc.integer({ min: 1, max: 30 }),
    asOfOffset: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined, freq: 5 }),
  })
  .chain(({ settings, services, stretch, asOfOffset }) =>
    fc
      .tuple(arbHistory(services), fc.array(fc.integer({ min: 0, max: 59 }), { minLength: 6, maxLength: 6 }))
      .map(([h, sentDays]) => {
        const dated: ClientHistory = {
          ...h,
          quotes: h.quotes.map((q, i) => ({
            ...q,
            sentOn: q.status === "draft" ? null : isoDay(sentDays[i % 6]),
            decidedOn: ["sent", "draft", "negotiating"].includes(q.status) ? null : isoDay(Math.min(59, sentDays[i % 6] + 3)),
            createdAt: `${isoDay(sentDays[i % 6])}T00:00:00.000Z`,
          })),
        };
        const history = stretchHistory(dated, stretch);
        const asOf = asOfOffset === undefined ? undefined : addDaysIso(isoDay(59 * stretch + 4), asOfOffset);
        return { settings, services, history, asOf };
      }),
  );
