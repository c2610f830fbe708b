/**
 * The import file is checked exactly as the API checks the same records (lib/export-schema.ts built
 * from lib/schemas.ts): the one date rule, real timestamps, the quote's cross-field rules, the event
 * and interaction rules per kind, a quote's currency against its service's. Every refusal names the
 * row: `quotes[0].decidedOn`. No database: files built by hand.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { DEFAULT_SETTINGS } from "@/lib/domain";
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, filePath, parseExportFile, timestampSchema } from "@/lib/export-schema";
import { interactionValues, quoteEventValues } from "@/lib/quote-lifecycle";
import { createInteractionSchema, createQuoteEventSchema, upsertQuoteSchema } from "@/lib/schemas";

const T = "2026-11-24T09:30:00.000Z";

/** A small valid file: one service, client, quote (accepted), one event and one interaction of each kind. */
function file() {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: T,
    settings: { ...DEFAULT_SETTINGS },
    services: [{ id: 1, name: "Web", unit: "hour", currency: "USD", marketRate: 12000, targetRate: 10000, floorRate: 7000, createdAt: T, updatedAt: T }],
    templates: [{ id: 1, kind: "decline", name: "No", body: "No, thank you.", isDefault: true, createdAt: T, updatedAt: T }],
    clients: [{ id: 1, name: "Acme", company: null, email: null, leadSource: "referral", status: "active", notes: null, createdAt: T, updatedAt: T }],
    quotes: [
      {
        id: 1,
        clientId: 1,
        serviceId: 1,
        title: "Site",
        scope: null,
        estimatedMinutes: 600,
        quotedAmount: 100000,
        currency: "USD",
        status: "accepted",
        agreedAmount: 90000,
        sentOn: "2026-11-01",
        decidedOn: "2026-11-24",
        rejectionReason: null,
        cameBackAtMyPrice: false,
        createdAt: T,
        updatedAt: T,
      },
    ] as Record<string, unknown>[],
    quoteEvents: [
      { id: 1, quoteId: 1, kind: "discount_request", answer: null, percentBp: 1000, amount: null, scopeMinutes: null, note: null, occurredOn: "2026-11-02", createdAt: T },
      { id: 2, quoteId: 1, kind: "my_answer", answer: "cut_scope", percentBp: null, amount: null, scopeMinutes: 300, note: null, occurredOn: "2026-11-03", createdAt: T },
      { id: 3, quoteId: 1, kind: "client_counter", answer: null, percentBp: null, amount: 90000, scopeMinutes: null, note: "ok", occurredOn: "2026-11-04", createdAt: T },
    ] as Record<string, unknown>[],
    interactions: [
      { id: 1, clientId: 1, quoteId: 1, kind: "ask", subtype: "quick_question", minutes: 15, paid: false, answered: null, daysLate: null, amount: null, initiatedBy: "client", note: null, occurredOn: "2026-11-05", createdAt: T },
      { id: 2, clientId: 1, quoteId: null, kind: "give", subtype: "referral", minutes: null, paid: null, answered: null, daysLate: null, amount: null, initiatedBy: "client", note: null, occurredOn: "2026-11-06", createdAt: T },
      { id: 3, clientId: 1, quoteId: null, kind: "follow_up", subtype: null, minutes: null, paid: null, answered: true, daysLate: null, amount: null, initiatedBy: "me", note: null, occurredOn: "2026-11-07", createdAt: T },
      { id: 4, clientId: 1, quoteId: 1, kind: "payment", subtype: null, minutes: null, paid: null, answered: null, daysLate: 3, amount: 90000, initiatedBy: "client", note: null, occurredOn: "2026-11-08", createdAt: T },
    ] as Record<string, unknown>[],
  };
}
type File = ReturnType<typeof file>;

/** The field keys a file is refused with ([] = accepted). */
function refusedAt(edit: (f: File) => void): string[] {
  const f = file();
  edit(f);
  const p = parseExportFile(JSON.parse(JSON.stringify(f)));
  return p.ok ? [] : Object.keys(p.fields);
}

describe("the hand-built file", () => {
  test("is accepted, and parses to the stored shape", () => {
    const p = parseExportFile(file());
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.file.quotes[0]).toMatchObject({ serviceId: 1, scope: null, decidedOn: "2026-11-24", cameBackAtMyPrice: false });
  });
  test("a quote's missing optional fields are stored as null / false, as the API stores them", () => {
    const p = parseExportFile(
      JSON.parse(JSON.stringify({ ...file(), quotes: [{ id: 1, clientId: 1, title: "Bare", estimatedMinutes: 60, quotedAmount: 100, currency: "EUR", status: "draft", createdAt: T, updatedAt: T }] })),
    );
    expect(p.ok && p.file.quotes[0]).toEqual({
      id: 1, clientId: 1, serviceId: null, title: "Bare", scope: null, estimatedMinutes: 60, quotedAmount: 100, currency: "EUR", status: "draft",
      agreedAmount: null, sentOn: null, decidedOn: null, rejectionReason: null, cameBackAtMyPrice: false, createdAt: T, updatedAt: T,
      // version 2: no rate, work not marked done, the estimate the user's own, no import key
      fxRate: null, workDoneOn: null, estimateKnown: true, sourceKey: null, paymentTermsDays: null,
    });
  });
});

describe("version 2: time spent, exchange rates, history imports", () => {
  const entry = { id: 1, quoteId: 1, occurredOn: "2026-11-20", minutes: 90, note: null, billable: null, sourceKey: null, createdAt: T };
  const rate = { id: 1, currency: "EUR", bookCurrency: "USD", effectiveFrom: "2026-01-01", rate: "1.08", createdAt: T };
  const v2 = (extra: Record<string, unknown>) => ({ ...file(), ...extra });
  const problems = (f: unknown) => {
    const p = parseExportFile(JSON.parse(JSON.stringify(f)));
    return p.ok ? [] : Object.keys(p.fields);
  };

  test("a good file with every new list parses; a version 1 file without them too", () => {
    const good = v2({
      timeEntries: [entry, { ...entry, id: 2, minutes: 1440, note: "all day", billable: true, sourceKey: "toggl:1" }],
      exchangeRates: [rate],
      importBatches: [{ id: 1, source: "toggl", fileName: "t.csv", clientsAdded: 0, quotesAdded: 0, timeEntriesAdded: 1, rowsSkipped: 0, undoneAt: null, createdAt: T }],
      importRows: [{ batchId: 1, tableName: "time_entries", rowId: 2 }],
    });
    expect(problems(good)).toEqual([]);
    const { creepThresholdPct: _c, ...settings } = DEFAULT_SETTINGS;
    const p = parseExportFile(JSON.parse(JSON.stringify({ ...file(), version: 1, settings })));
    expect(p.ok && [p.file.version, p.file.settings.creepThresholdPct, p.file.timeEntries]).toEqual([1, 20, undefined]);
  });

  test.each([
    ["timeEntries[0].minutes", { timeEntries: [{ ...entry, minutes: 0 }] }],
    ["timeEntries[0].minutes", { timeEntries: [{ ...entry, minutes: 1441 }] }],
    ["timeEntries[0].minutes", { timeEntries: [{ ...entry, minutes: -30 }] }],
    ["timeEntries[0].minutes", { timeEntries: [{ ...entry, minutes: 1.5 }] }],
    ["timeEntries[0].minutes", { timeEntries: [{ ...entry, minutes: "90" }] }],
    ["timeEntries[0].note", { timeEntries: [{ ...entry, note: "x".repeat(501) }] }],
    ["timeEntries[0].occurredOn", { timeEntries: [{ ...entry, occurredOn: "2026-02-30" }] }],
    ["timeEntries[0].quoteId", { timeEntries: [{ ...entry, quoteId: 7 }] }],
    ["timeEntries[1].sourceKey", { timeEntries: [{ ...entry, sourceKey: "k" }, { ...entry, id: 2, sourceKey: "k" }] }],
    ["exchangeRates[0].rate", { exchangeRates: [{ ...rate, rate: "-1" }] }],
    ["exchangeRates[0].rate", { exchangeRates: [{ ...rate, rate: 1.08 }] }],
    ["exchangeRates[0].rate", { exchangeRates: [{ ...rate, rate: "0.00000000001" }] }],
    ["exchangeRates[0].currency", { exchangeRates: [{ ...rate, currency: "ABC" }] }],
    ["exchangeRates[1].effectiveFrom", { exchangeRates: [rate, { ...rate, id: 2 }] }],
    ["importRows[0].batchId", { importRows: [{ batchId: 4, tableName: "quotes", rowId: 1 }] }],
  ])("%s is refused", (path, extra) => {
    expect(problems(v2(extra))).toContain(path);
  });

  test("a quote's rate: exact text, none in the book's currency; with one it may use a rate card in the book's currency", () => {
    const withRate = (q: Record<string, unknown>) => v2({ quotes: [{ ...file().quotes[0], ...q }] });
    expect(problems(withRate({ fxRate: "1.1" }))).toEqual(["quotes[0].fxRate"]); // the quote is in USD, the book's currency
    expect(problems(withRate({ currency: "EUR", fxRate: "1.08" }))).toEqual([]); // a EUR job on the USD rate card, counted at its rate
    // no rate, rate card in another currency: a book whose currency changed with "keep" holds such quotes, and must restore
    expect(problems(withRate({ currency: "EUR" }))).toEqual([]);
    expect(problems(withRate({ currency: "EUR", fxRate: "1,08" }))).toEqual([]);
    expect(problems(withRate({ currency: "EUR", fxRate: "abc" }))).toEqual(["quotes[0].fxRate"]);
  });
});

describe("dates: the one rule (a real day within 1970 … 2100), named by row", () => {
  const bad = ["2025-02-29", "2026-13-45", "9999-99-99", "2026-11-24T10:00", "1969-12-31", "2101-01-01", "9999-12-31", "0001-01-01", "", "yesterday", 20261124];
  const good = ["2026-11-24", "2024-02-29", "1970-01-01", "2100-12-31"];
  const places: [string, (f: File, v: unknown) => void][] = [
    ["quotes[0].sentOn", (f, v) => (f.quotes[0].sentOn = v)],
    ["quotes[0].decidedOn", (f, v) => Object.assign(f.quotes[0], { sentOn: null, decidedOn: v })],
    ["quoteEvents[1].occurredOn", (f, v) => (f.quoteEvents[1].occurredOn = v)],
    ["interactions[2].occurredOn", (f, v) => (f.interactions[2].occurredOn = v)],
  ];
  for (const [place, set] of places) {
    test.each(bad.map((v) => [JSON.stringify(v), v]))(`${place} = %s is refused there`, (_name, v) => {
      // (a sentOn after the decision is also reported at decidedOn, as the API reports it)
      expect(refusedAt((f) => set(f, v))).toContain(place);
    });
    test.each(good)(`${place} = %s is accepted`, (v) => {
      expect(refusedAt((f) => set(f, v))).toEqual(place === "quotes[0].sentOn" && v > "2026-11-24" ? ["quotes[0].decidedOn"] : []);
    });
  }
  test("null where a date is required (an event's or an interaction's day)", () => {
    expect(refusedAt((f) => (f.quoteEvents[0].occurredOn = null))).toEqual(["quoteEvents[0].occurredOn"]);
    expect(refusedAt((f) => (f.interactions[0].occurredOn = null))).toEqual(["interactions[0].occurredOn"]);
  });
  test("the message says the rule", () => {
    const p = parseExportFile(JSON.parse(JSON.stringify({ ...file(), quotes: [{ ...file().quotes[0], decidedOn: "9999-12-31" }] })));
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.fields["quotes[0].decidedOn"]).toEqual(["Use a date between 1970 and 2100, like 2026-11-24"]);
      expect(p.message).toBe("The file was not imported: 1 problem, first at quotes[0].decidedOn: Use a date between 1970 and 2100, like 2026-11-24");
    }
  });
});

describe("timestamps: a real instant with its zone, within the same years", () => {
  test.each(["2026-11-24T09:30:00.000Z", "2026-11-24T09:30:00Z", "2026-11-24T09:30:00.123456Z", "2026-11-24T09:30:00+02:00", "1970-01-01T00:00:00.000Z", "2100-12-31T23:59:59.999Z"])("%s is accepted", (t) => {
    expect(timestampSchema.safeParse(t).success).toBe(true);
  });
  test.each([
    "9999-99-99T99:99", "2026-13-45", "2026-02-30T10:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24", "2026-11-24 09:30:00", "2026-11-24T09:30:00",
    "1969-12-31T23:59:59.999Z", "2101-01-01T00:00:00.000Z", "9999-12-31T00:00:00.000Z", "", "now", 1764000000000, null,
  ])("%s is refused", (t) => {
    expect(timestampSchema.safeParse(t).success).toBe(false);
  });
  test.each<[string, (f: File) => void]>([
    ["exportedAt", (f) => (f.exportedAt = "9999-99-99T99:99")],
    ["clients[0].createdAt", (f) => (f.clients[0].createdAt = "2026-13-45")],
    ["services[0].updatedAt", (f) => (f.services[0].updatedAt = "9999-12-31T00:00:00.000Z")],
    ["templates[0].createdAt", (f) => (f.templates[0].createdAt = "yesterday")],
    ["quotes[0].updatedAt", (f) => (f.quotes[0].updatedAt = "9999-99-99T99:99")],
    ["quoteEvents[2].createdAt", (f) => (f.quoteEvents[2].createdAt = "2026-11-24")],
    ["interactions[3].createdAt", (f) => (f.interactions[3].createdAt = "0001-01-01T00:00:00.000Z")],
  ])("a bad %s is refused and named", (place, edit) => {
    expect(refusedAt(edit)).toEqual([place]);
  });
});

describe("a follow-up waiting for its answer", () => {
  test("answered null (logged from Today, answer not known yet) is kept; a wrong type is still refused", () => {
    expect(refusedAt((f) => (f.interactions[2].answered = null))).toEqual([]);
    expect(refusedAt((f) => ((f.interactions[2] as Record<string, unknown>).answered = "maybe"))).toEqual(["interactions[2].answered"]);
  });
});

describe("as strict as the API: the quote's cross-field rules, each kind's rules, the service's currency", () => {
  test.each<[string, (f: File) => void, string[]]>([
    ["decided before it was sent", (f) => Object.assign(f.quotes[0], { sentOn: "2026-11-24", decidedOn: "2026-11-01" }), ["quotes[0].decidedOn"]],
    ["a rejection reason on an accepted quote", (f) => (f.quotes[0].rejectionReason = "price"), ["quotes[0].rejectionReason"]],
    // version 1 books could not hold one; version 2 books can (see "a quote's rate" below)
    ["a quote in another currency than its service (version 1)", (f) => Object.assign(f, { version: 1 }, { quotes: [{ ...f.quotes[0], currency: "EUR" }] }), ["quotes[0].currency"]],
    ["a quote of an unknown service", (f) => (f.quotes[0].serviceId = 9), ["quotes[0].serviceId"]],
    ["zero estimated minutes", (f) => (f.quotes[0].estimatedMinutes = 0), ["quotes[0].estimatedMinutes"]],
    ["a title of spaces", (f) => (f.quotes[0].title = "   "), ["quotes[0].title"]],
    ["a discount with a percent and an amount", (f) => (f.quoteEvents[0].amount = 500), ["quoteEvents[0].percentBp"]],
    ["a discount of 150%", (f) => (f.quoteEvents[0].percentBp = 15_000), ["quoteEvents[0].percentBp"]],
    ["a discount of nothing off", (f) => Object.assign(f.quoteEvents[0], { percentBp: null, amount: 0 }), ["quoteEvents[0].amount"]],
    ["a discount request with an answer", (f) => (f.quoteEvents[0].answer = "held_firm"), ["quoteEvents[0].answer"]],
    ["my answer without the answer", (f) => (f.quoteEvents[1].answer = null), ["quoteEvents[1].answer"]],
    ["a counter without an amount", (f) => (f.quoteEvents[2].amount = null), ["quoteEvents[2].amount"]],
    ["a counter with scope minutes", (f) => (f.quoteEvents[2].scopeMinutes = 60), ["quoteEvents[2].scopeMinutes"]],
    ["a note over 2,000 characters", (f) => (f.quoteEvents[2].note = "x".repeat(2_001)), ["quoteEvents[2].note"]],
    ["an ask without minutes", (f) => (f.interactions[0].minutes = null), ["interactions[0].minutes"]],
    ["an ask with a give's subtype", (f) => (f.interactions[0].subtype = "referral"), ["interactions[0].subtype"]],
    ["a give with minutes", (f) => (f.interactions[1].minutes = 30), ["interactions[1].minutes"]],
    ["a follow-up with a subtype", (f) => (f.interactions[2].subtype = "quick_question"), ["interactions[2].subtype"]],
    ["a payment 20 years late", (f) => (f.interactions[3].daysLate = 7_300), ["interactions[3].daysLate"]],
    ["a payment of a fraction of a cent", (f) => (f.interactions[3].amount = 0.5), ["interactions[3].amount"]],
    ["an interaction on another client's quote", (f) => (f.interactions[0].clientId = 2), ["interactions[0].clientId", "interactions[0].quoteId"]],
  ])("%s is refused, named by row", (_what, edit, fields) => {
    expect(refusedAt(edit)).toEqual(fields);
  });

  test("a declined quote keeps its reason; a quote without a service may be in any currency", () => {
    expect(refusedAt((f) => Object.assign(f.quotes[0], { status: "declined_by_me", rejectionReason: "price", agreedAmount: null }))).toEqual([]);
    expect(refusedAt((f) => Object.assign(f.quotes[0], { serviceId: null, currency: "EUR" }))).toEqual([]);
  });

  test("the currency rule is the importer's own, for version 1 files: the stored-row schema alone does not apply it", () => {
    const f = { ...file(), version: 1 };
    f.quotes[0].currency = "EUR";
    expect(exportFileSchema.safeParse(f).success).toBe(true);
    expect(parseExportFile(f).ok).toBe(false);
    // a version 2 file may hold it (a book whose currency changed with "keep")
    expect(parseExportFile({ ...f, version: 2 }).ok).toBe(true);
  });

  test("problems are named by row, up to 50, then counted", () => {
    expect(filePath(["quotes", 3, "decidedOn"])).toBe("quotes[3].decidedOn");
    expect(filePath(["settings", "locale"])).toBe("settings.locale");
    expect(filePath([])).toBe("_file");
    const f = file();
    for (let i = 0; i < 60; i++) f.quotes.push({ ...f.quotes[0], id: 100 + i, decidedOn: "2026-13-45" });
    const p = parseExportFile(JSON.parse(JSON.stringify(f)));
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(Object.keys(p.fields)).toHaveLength(51);
      expect(p.fields._more).toEqual(["…and 10 more problems"]);
      expect(p.message).toMatch(/^The file was not imported: 60 problems, first at quotes\[1\]\.decidedOn: /);
    }
  });
});

describe("parity: whatever the API accepts and stores, the importer accepts", () => {
  const date = fc.oneof(fc.constantFrom("2026-11-24", "2024-02-29", "1970-01-01", "2100-12-31", "2025-02-29", "9999-12-31"), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const money = fc.oneof(fc.integer({ min: -1, max: 1_000_000 }), fc.constantFrom(0, 0.5, 1e12));

  test("quotes: accepted by upsertQuoteSchema ⇔ accepted as a row (same fields, same rules)", () => {
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom("draft", "sent", "negotiating", "accepted", "rejected", "declined_by_me", "withdrawn", "expired"),
          sentOn: maybe(fc.option(date, { nil: null })),
          decidedOn: maybe(fc.option(date, { nil: null })),
          rejectionReason: maybe(fc.option(fc.constantFrom("price", "timing", "went_silent", "scope"), { nil: null })),
          agreedAmount: maybe(fc.option(money, { nil: null })),
          estimatedMinutes: fc.oneof(fc.integer({ min: 0, max: 700_000 }), fc.constant(1.5)),
          quotedAmount: money,
        }),
        (fields) => {
          const api = { clientId: 1, title: "Site", currency: "USD", ...fields };
          const apiOk = upsertQuoteSchema.safeParse(api).success;
          const row = JSON.parse(JSON.stringify({ ...api, id: 1, createdAt: T, updatedAt: T }));
          const importOk = refusedAt((f) => (f.quotes[0] = { ...row, serviceId: null })).length === 0;
          expect(importOk).toBe(apiOk);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("negotiation events: stored as the API stores them (quoteEventValues), accepted; refused by the API, refused as a row", () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant("discount_request"), percentBp: maybe(fc.integer({ min: -5, max: 12_000 })), amountOff: maybe(money), occurredOn: maybe(date) }),
      fc.record({ kind: fc.constantFrom("client_counter", "my_counter"), amount: money, occurredOn: maybe(date) }),
      fc.record({ kind: fc.constant("my_answer"), answer: fc.constantFrom("held_firm", "conceded", "met_halfway", "cut_scope"), amount: maybe(money), scopeMinutes: maybe(fc.integer({ min: 0, max: 700_000 })), occurredOn: maybe(date) }),
    );
    fc.assert(
      fc.property(event, (input) => {
        const parsed = createQuoteEventSchema.safeParse(input);
        if (parsed.success) {
          const stored = { id: 1, ...quoteEventValues(1, parsed.data, "2026-11-24"), createdAt: T };
          expect(refusedAt((f) => (f.quoteEvents = [stored]))).toEqual([]);
        } else if (input.occurredOn !== undefined) {
          // the same values as a stored row (amountOff is stored as amount) are refused too
          const { amountOff, ...rest } = input as Record<string, unknown>;
          const row = { id: 1, quoteId: 1, answer: null, percentBp: null, amount: null, scopeMinutes: null, note: null, createdAt: T, ...rest, ...(amountOff !== undefined ? { amount: amountOff } : {}) };
          expect(refusedAt((f) => (f.quoteEvents = [row])).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("interactions: stored as the API stores them (interactionValues), accepted", () => {
    const interaction = fc.oneof(
      fc.record({ kind: fc.constant("ask"), subtype: fc.constantFrom("unpaid_favour", "quick_question", "scope_creep", "rush_demand", "free_consult"), minutes: fc.integer({ min: 0, max: 700_000 }), paid: maybe(fc.boolean()), occurredOn: maybe(date) }),
      fc.record({ kind: fc.constant("give"), subtype: fc.constantFrom("referral", "testimonial", "repeat_work", "prompt_payment"), amount: maybe(fc.option(money, { nil: null })), occurredOn: maybe(date) }),
      fc.record({ kind: fc.constant("follow_up"), answered: fc.boolean(), occurredOn: maybe(date) }),
      fc.record({ kind: fc.constant("payment"), daysLate: fc.integer({ min: -1, max: 4000 }), amount: maybe(fc.option(money, { nil: null })), occurredOn: maybe(date) }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(interaction, (input) => {
        const parsed = createInteractionSchema.safeParse(input);
        if (!parsed.success) return;
        accepted++;
        const stored = { id: 1, ...interactionValues(1, parsed.data, "2026-11-24"), createdAt: T };
        expect(refusedAt((f) => (f.interactions = [stored]))).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
