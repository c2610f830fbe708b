/**
 * Quick capture, from a parsed line to the record the client page's forms would save: which client,
 * which open quote, the entity's own input (parsed by its schema in lib/schemas.ts) and a preview in
 * plain words. Pure: the server passes the clients, quotes, settings and today in.
 */
import { z } from "zod";
import { addDays } from "../dates";
import { label, type Client, type Quote, type QuoteEvent, type QuoteWithEvents } from "../domain";
import { discountBp, formatHours, formatMoney, formatPercentBp } from "../money";
import { parseTyped } from "../typed-input";
import { replayNegotiation } from "../negotiation";
import { datesProblem, quoteEventValues } from "../quote-lifecycle";
import { createInteractionSchema, createQuoteEventSchema, fieldErrors, idSchema, isoDateSchema, quoteOutcomeSchema, type CreateInteraction, type CreateQuoteEvent, type QuoteOutcome } from "../schemas";
import { lowerFirst, plural } from "../text";
import { rankByName, uniqueBest } from "./match";
import { CAN_LOG, parseCaptureLine, type Capture, type CaptureKind, type ParsedLine } from "./parse";

/** What the palette sends: the line, and the client / quote chosen from its list (if any). */
export const quickCaptureSchema = z.object({
  line: z.string({ error: "Type what happened" }).trim().min(1, "Type what happened, e.g. “Pebble asked 20% off”").max(500, "Keep it to one line (at most 500 characters)"),
  clientId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
  quoteId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
  /** the client (or quote) whose page the palette was opened on: used when the line names no other client */
  pageClientId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
  pageQuoteId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema.nullable()).optional(),
});
export type QuickCaptureInput = z.infer<typeof quickCaptureSchema>;

/** What the palette sends on opening, before anything is typed: the page it was opened on. */
export const quickCapturePageSchema = quickCaptureSchema.pick({ pageClientId: true, pageQuoteId: true });

/** POST /api/v1/quick-capture: the same, plus `dryRun` (only the preview, nothing written). */
export const quickCaptureApiSchema = quickCaptureSchema.extend({ dryRun: z.boolean({ error: "dryRun is true or false" }).default(false) });

/** A quote open for negotiation: sent, or being negotiated (a draft has not reached the client yet). */
export const CAPTURE_QUOTE_STATUSES = ["sent", "negotiating"] as const;
const isOpen = (q: Pick<Quote, "status">) => (CAPTURE_QUOTE_STATUSES as readonly string[]).includes(q.status);

/** Kinds that are a step on a quote (they need one); the rest are logged on the client. */
const QUOTE_KINDS: readonly CaptureKind[] = ["discount_request", "client_counter", "my_counter", "my_answer", "accepted"];
export const needsQuote = (kind: CaptureKind) => QUOTE_KINDS.includes(kind);

export type CaptureClient = Pick<Client, "id" | "name" | "company">;

export interface CaptureOption {
  kind: "client" | "quote";
  id: number;
  label: string;
  detail: string;
}

export interface CapturePreview {
  /** what happened was understood */
  understood: boolean;
  /** "Discount request", "Follow-up": what will be logged */
  kindLabel: string | null;
  /** the record in plain words, as far as it is known */
  sentence: string | null;
  /** what is still needed (or wrong) before it can be saved; empty when ready */
  missing: string[];
  /** when nothing was understood: what the palette can log */
  help: readonly string[] | null;
  client: { id: number; name: string } | null;
  quote: { id: number; title: string } | null;
  /** a choice to make (clients or quotes), best first */
  options: CaptureOption[];
  optionsLabel: string | null;
  /** a word on how the client was chosen, e.g. that a typed name wins over the page's client */
  note: string | null;
  ready: boolean;
}

/** The record to save, already parsed by its entity's schema. */
export type CapturePlan =
  | { to: "quote_event"; clientId: number; quoteId: number; input: CreateQuoteEvent }
  | { to: "outcome"; clientId: number; quoteId: number; input: QuoteOutcome }
  | { to: "interaction"; clientId: number; input: CreateInteraction };

const KIND_LABELS: Record<CaptureKind, string> = {
  discount_request: "Discount request",
  client_counter: "Their counter-offer",
  my_counter: "My counter-offer",
  my_answer: "My answer",
  accepted: "Quote accepted",
  follow_up: "Follow-up",
  ask: "One-way ask",
  give: "They gave back",
  payment: "Payment",
};

const MAX_OPTIONS = 8;

// ---- step 1: who and which quote ----

export interface CaptureTarget {
  parsed: ParsedLine;
  client: CaptureClient | null;
  /** the open quote the step is on (quote kinds), or the one chosen for an interaction */
  quote: Quote | null;
  options: CaptureOption[];
  optionsLabel: string | null;
  missing: string[];
  note: string | null;
}

/** The client and quote of the page the palette was opened on (a quote page → its quote and its client). */
export interface CapturePage {
  client: { id: number; name: string } | null;
  quote: { id: number; title: string } | null;
}

export function resolvePage(
  input: Pick<QuickCaptureInput, "pageClientId" | "pageQuoteId">,
  book: { clients: readonly CaptureClient[]; quotes: readonly Pick<Quote, "id" | "clientId" | "title">[] },
): CapturePage {
  const quote = input.pageQuoteId != null ? book.quotes.find((q) => q.id === input.pageQuoteId) : undefined;
  const clientId = quote ? quote.clientId : input.pageClientId;
  const client = clientId != null ? book.clients.find((c) => c.id === clientId) : undefined;
  if (!client) return { client: null, quote: null };
  return { client: { id: client.id, name: client.name }, quote: quote ? { id: quote.id, title: quote.title } : null };
}

/** A detail worth showing next to a client's name: its company, unless that says the same as the name. */
function clientDetail(c: CaptureClient, open: number): string {
  if (open) return plural(open, "open quote");
  const company = c.company?.trim();
  return company && company.toLowerCase() !== c.name.trim().toLowerCase() ? company : "No open quote";
}

function quoteDetail(q: Quote, locale: string): string {
  return `${label(q.status)} · ${formatMoney(q.agreedAmount ?? q.quotedAmount, q.currency, locale)}`;
}

/**
 * The client named in the line (or chosen), and for a step on a quote its open quote: the only one, the
 * one whose title the line names, or the one chosen; otherwise a list to choose from and what to do.
 * With no client chosen or named, the page's client (and quote) is used; a name typed in the line that
 * matches another client wins over it (and the note says so).
 */
export function resolveTarget(
  input: QuickCaptureInput,
  book: { clients: readonly CaptureClient[]; quotes: readonly Quote[]; locale: string },
): CaptureTarget {
  const parsed = parseCaptureLine(input.line);
  const kind = parsed.capture?.kind ?? null;
  const wantsQuote = kind != null && needsQuote(kind);
  const missing: string[] = [];
  const openOf = (clientId: number) => book.quotes.filter((q) => q.clientId === clientId && isOpen(q));

  // who: the chosen client, else the best name match in the line
  let client = input.clientId != null ? (book.clients.find((c) => c.id === input.clientId) ?? null) : null;
  let leftover = parsed.nameWords;
  let options: CaptureOption[] = [];
  let optionsLabel: string | null = null;
  let note: string | null = null;
  const page = resolvePage(input, book);
  const pageClient = page.client ? (book.clients.find((c) => c.id === page.client!.id) ?? null) : null;
  let chosenQuoteId = input.quoteId ?? null;
  if (!client) {
    const ranked = rankByName(parsed.nameWords, book.clients, (c) => [c.name, c.company ?? ""]);
    const best = uniqueBest(ranked);
    const pageTied = pageClient && !best && ranked.length > 0 ? ranked.find((m) => m.item.id === pageClient.id && m.score === ranked[0].score) : undefined;
    if (best) {
      client = best.item;
      leftover = parsed.nameWords.filter((w) => !best.used.includes(w));
      if (pageClient && best.item.id !== pageClient.id) note = `You typed a name: this goes on ${best.item.name}, not on ${pageClient.name} (this page's client).`;
      else if (pageClient && page.quote && chosenQuoteId == null) chosenQuoteId = page.quote.id;
    } else if (pageClient && (!ranked.length || pageTied)) {
      // nothing typed names a client (or the page's client is among the names it could be): the page's
      client = pageClient;
      if (pageTied) leftover = parsed.nameWords.filter((w) => !pageTied.used.includes(w));
      else if (parsed.nameWords.length && !rankByName(parsed.nameWords, book.quotes.filter((q) => q.clientId === pageClient.id), (q) => [q.title]).length)
        note = `No client is called “${parsed.nameWords.join(" ")}”: this goes on ${pageClient.name} (this page's client).`;
      if (page.quote && chosenQuoteId == null) chosenQuoteId = page.quote.id;
    } else if (!ranked.length && !parsed.nameWords.length && book.clients.length === 1) {
      client = book.clients[0]; // nothing to choose between
    } else {
      // a tie: the tied names; nothing typed: the clients a step could be on (with open quotes first)
      const top = ranked.length ? ranked.filter((m) => m.score === ranked[0].score).map((m) => m.item) : [];
      const pool = top.length
        ? top
        : [...book.clients].sort((a, b) => Number(openOf(b.id).length > 0) - Number(openOf(a.id).length > 0));
      options = pool.slice(0, MAX_OPTIONS).map((c) => {
        const open = openOf(c.id).length;
        return { kind: "client", id: c.id, label: c.name, detail: clientDetail(c, open) };
      });
      optionsLabel = "Which client?";
      if (!book.clients.length) missing.push("A client: add one on Clients first");
      else if (top.length) missing.push(`Which client: ${plural(top.length, "client")} match “${parsed.nameWords.join(" ")}”`);
      else if (parsed.nameWords.length) missing.push(`A client: none is called “${parsed.nameWords.join(" ")}”; pick one from the list`);
      else missing.push("A client: type their name, or pick one from the list");
      if (pageClient && ranked.length) note = `You typed a name that is not ${pageClient.name} (this page's client): pick the client, or remove the name.`;
    }
  }
  if (!client) return { parsed, client: null, quote: null, options, optionsLabel, missing, note };

  // which quote
  const open = openOf(client.id);
  const byTitle = uniqueBest(rankByName(leftover, open, (q) => [q.title]));
  const picked = chosenQuoteId != null ? book.quotes.find((q) => q.id === chosenQuoteId && q.clientId === client.id) : undefined;
  // the page's quote gives way to a quote whose title the line names; one picked from the list does not
  const chosen = picked && input.quoteId == null && byTitle && byTitle.item.id !== picked.id ? byTitle.item : picked;
  if (!wantsQuote) return { parsed, client, quote: chosen ?? null, options: [], optionsLabel: null, missing, note };
  if (chosen && isOpen(chosen)) return { parsed, client, quote: chosen, options: [], optionsLabel: null, missing, note };
  if (!open.length) {
    const drafts = book.quotes.filter((q) => q.clientId === client.id && q.status === "draft");
    missing.push(
      drafts.length
        ? `An open quote: ${client.name} has only ${drafts.length === 1 ? `a draft (“${drafts[0].title}”)` : plural(drafts.length, "draft")}. Mark it as sent on its page, then log this.`
        : `An open quote: ${client.name} has no quote that is sent or being negotiated. Add one on the client's page first.`,
    );
    return { parsed, client, quote: null, options: [], optionsLabel: null, missing, note };
  }
  if (open.length === 1) return { parsed, client, quote: open[0], options: [], optionsLabel: null, missing, note };
  if (byTitle) return { parsed, client, quote: byTitle.item, options: [], optionsLabel: null, missing, note };
  missing.push(`Which quote: ${client.name} has ${plural(open.length, "open quote")}; pick one or type part of its title`);
  return {
    parsed,
    client,
    quote: null,
    options: open.slice(0, MAX_OPTIONS).map((q) => ({ kind: "quote", id: q.id, label: q.title, detail: quoteDetail(q, book.locale) })),
    optionsLabel: "Which quote?",
    missing,
    note,
  };
}

// ---- step 2: the record and its words ----

const ASK_WORDS: Record<string, string> = {
  unpaid_favour: "an unpaid favour",
  quick_question: "a “quick question”",
  scope_creep: "more than the scope (scope creep)",
  rush_demand: "a rush",
  free_consult: "a free consult",
};
const GIVE_WORDS: Record<string, string> = {
  referral: "they sent a referral",
  testimonial: "they gave a testimonial",
  repeat_work: "they came back with paid work",
  prompt_payment: "they paid promptly",
};

const MISSING_AMOUNT: Partial<Record<CaptureKind, string>> = {
  discount_request: "How much off, e.g. “20% off” or “$500 off”",
  client_counter: "Their amount, e.g. “countered 1800”",
  my_counter: "Your amount, e.g. “I countered 3600”",
};

/** A typed amount in minor units of `currency`, read as every form reads it (lib/typed-input.ts, the book's locale), or why it could not be. */
function money(text: string | null, currency: string, locale: string): { value?: number; problem?: string } {
  if (text == null) return {};
  const read = parseTyped("money", text, currency, { locale });
  return read.ok ? { value: read.value } : { problem: `I could not read the amount “${text}”: ${read.error}` };
}

/** The entity schema's verdict on a raw input: the parsed record, or its problems in words. */
function parseWith<S extends z.ZodType>(schema: S, raw: unknown): { data?: z.output<S>; problems: string[] } {
  const r = schema.safeParse(raw);
  if (r.success) return { data: r.data, problems: [] };
  return { problems: Object.values(fieldErrors(r.error)).map((m) => m[0]) };
}

/** The price on the table after this step, replayed with the quote's steps so far. */
function priceAfter(quote: QuoteWithEvents, event: CreateQuoteEvent, today: string): { before: number; after: number; requested: number | null } {
  const values = quoteEventValues(quote.id, event, today);
  const step: QuoteEvent = { ...values, id: Number.MAX_SAFE_INTEGER, createdAt: "" };
  const replay = replayNegotiation({ ...quote, agreedAmount: null, events: [...quote.events, step] });
  const mine = replay.steps.find((s) => s.event === step)!;
  return { before: mine.priceBefore, after: mine.priceAfter, requested: mine.requestedPrice };
}

export interface BuiltCapture {
  preview: CapturePreview;
  plan: CapturePlan | null;
}

/**
 * The record for a resolved line: `quote` is the target's quote with its steps (the server loads them).
 * Its preview says it in words and lists what is still missing; the plan is what to save, or null.
 */
export function buildCapture(target: CaptureTarget, ctx: { quote: QuoteWithEvents | null; currency: string; locale: string; today: string }): BuiltCapture {
  const { parsed, client } = target;
  const capture = parsed.capture;
  const base: CapturePreview = {
    understood: capture != null,
    kindLabel: capture ? KIND_LABELS[capture.kind] : null,
    sentence: null,
    missing: [...target.missing],
    help: null,
    client: client ? { id: client.id, name: client.name } : null,
    quote: target.quote ? { id: target.quote.id, title: target.quote.title } : null,
    options: target.options,
    optionsLabel: target.optionsLabel,
    note: target.note,
    ready: false,
  };
  if (!capture) return { preview: { ...base, help: CAN_LOG, missing: [] }, plan: null };

  const missing = base.missing;
  const quote = ctx.quote && target.quote && ctx.quote.id === target.quote.id ? ctx.quote : null;
  const fmt = (amount: number) => formatMoney(amount, quote?.currency ?? ctx.currency, ctx.locale);

  // when: a typed day, or days back from today (checked by the schemas' date rule)
  let occurredOn: string | undefined;
  if (parsed.when && "date" in parsed.when) occurredOn = parsed.when.date;
  else if (parsed.when) occurredOn = addDays(ctx.today, -parsed.when.daysAgo);
  if (occurredOn && !isoDateSchema.safeParse(occurredOn).success) {
    missing.push(`A real date: “${occurredOn}” is not one (use YYYY-MM-DD, like ${ctx.today})`);
    occurredOn = undefined;
  }
  if (occurredOn && occurredOn > ctx.today) missing.push(`A day that has come: ${occurredOn} is after today (${ctx.today})`);
  const onDay = occurredOn && occurredOn !== ctx.today ? ` (on ${occurredOn})` : "";
  for (const u of parsed.unreadable) missing.push(`I could not read “${u}”: type a percent like 20% or 12.5%`);

  let words: string | null = null;
  let plan: CapturePlan | null = null;
  const prefix = client ? `${client.name}${target.quote ? ` — ${target.quote.title}` : ""}: ` : "";

  if (needsQuote(capture.kind)) {
    const currency = quote?.currency ?? ctx.currency;
    const typed = "amountOff" in capture ? money(capture.amountOff, currency, ctx.locale) : "amount" in capture ? money(capture.amount, currency, ctx.locale) : {};
    if (typed.problem) missing.push(typed.problem);
    let raw: Record<string, unknown> | null = null;
    switch (capture.kind) {
      case "discount_request":
        if (capture.percentBp == null && typed.value == null && !typed.problem) missing.push(MISSING_AMOUNT.discount_request!);
        raw = { kind: "discount_request", percentBp: capture.percentBp ?? undefined, amountOff: capture.percentBp == null ? typed.value : undefined };
        break;
      case "client_counter":
      case "my_counter":
        if (typed.value == null && !typed.problem) missing.push(MISSING_AMOUNT[capture.kind]!);
        raw = { kind: capture.kind, amount: typed.value };
        break;
      case "my_answer":
        raw = { kind: "my_answer", answer: capture.answer, amount: typed.value };
        break;
      case "accepted":
        break;
    }
    if (capture.kind === "accepted") {
      const agreed = typed.value ?? (quote ? replayNegotiation(quote).currentPrice : undefined);
      const parsedOutcome = parseWith(quoteOutcomeSchema, { status: "accepted", agreedAmount: agreed, decidedOn: occurredOn });
      const problem = quote && occurredOn ? datesProblem({ sentOn: quote.sentOn, decidedOn: occurredOn }) : null;
      if (problem) missing.push(`${problem.message} (${quote!.sentOn})`);
      if (agreed != null) {
        const onTable = quote ? replayNegotiation(quote).currentPrice : null;
        words = `accepted at ${fmt(agreed)}${agreed === onTable ? " (the price on the table)" : onTable != null ? ` (the price on the table was ${fmt(onTable)})` : ""}`;
      } else words = "accepted at the price on the table";
      if (quote && parsedOutcome.data && !missing.length) plan = { to: "outcome", clientId: quote.clientId, quoteId: quote.id, input: parsedOutcome.data };
      else if (!typed.problem) missing.push(...parsedOutcome.problems);
    } else if (raw) {
      const parsedEvent = parseWith(createQuoteEventSchema, { ...raw, occurredOn });
      const event = parsedEvent.data;
      if (!missing.length) missing.push(...parsedEvent.problems);
      const prices = quote && event ? priceAfter(quote, event, ctx.today) : null;
      words = eventWords(capture, event ?? null, prices, fmt, ctx.locale);
      if (quote && event && !missing.length) plan = { to: "quote_event", clientId: quote.clientId, quoteId: quote.id, input: event };
    }
  } else {
    let raw: Record<string, unknown>;
    const quoteId = target.quote?.id;
    switch (capture.kind) {
      case "follow_up":
        raw = { kind: "follow_up", answered: capture.answered, quoteId };
        words = capture.answered ? "I followed up and they answered" : "I followed up, no answer (chasing)";
        break;
      case "ask":
        if (capture.subtype == null) missing.push("What they asked for: a call, a quick question, scope creep, a rush or a favour");
        if (capture.minutes == null) missing.push("How long it took, e.g. “2h” or “90 min”");
        raw = { kind: "ask", subtype: capture.subtype ?? undefined, minutes: capture.minutes ?? undefined, paid: capture.paid, quoteId };
        words = `they asked for ${capture.subtype ? ASK_WORDS[capture.subtype] : "something"}${capture.minutes != null ? `: ${formatHours(capture.minutes, ctx.locale)}` : ""}, ${capture.paid ? "paid" : "unpaid"} (a one-way ask)`;
        break;
      case "give":
        raw = { kind: "give", subtype: capture.subtype, quoteId };
        words = GIVE_WORDS[capture.subtype];
        break;
      case "payment": {
        const typed = money(capture.amount, ctx.currency, ctx.locale);
        if (typed.problem) missing.push(typed.problem);
        if (capture.daysLate == null) missing.push("How late, e.g. “paid 10 days late” or “paid on time”");
        raw = { kind: "payment", daysLate: capture.daysLate ?? undefined, amount: typed.value, quoteId };
        const amount = typed.value != null ? ` ${fmt(typed.value)}` : "";
        words = capture.daysLate == null ? `they paid${amount} late` : capture.daysLate === 0 ? `they paid${amount} on time` : `they paid${amount} ${plural(capture.daysLate, "day")} late`;
        break;
      }
      default:
        raw = {};
    }
    const parsedInteraction = parseWith(createInteractionSchema, { ...raw, occurredOn });
    if (!missing.length) missing.push(...parsedInteraction.problems);
    if (client && parsedInteraction.data && !missing.length) plan = { to: "interaction", clientId: client.id, input: parsedInteraction.data };
  }

  const sentence = words ? `${prefix}${words}${onDay}` : null;
  return { preview: { ...base, missing, sentence: sentence && !client ? upperFirst(sentence) : sentence, ready: plan != null }, plan };
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function eventWords(
  capture: Capture,
  event: CreateQuoteEvent | null,
  prices: { before: number; after: number; requested: number | null } | null,
  fmt: (n: number) => string,
  locale: string,
): string {
  const change = prices && prices.requested != null ? ` (${fmt(prices.before)} → ${fmt(prices.requested)})` : "";
  switch (capture.kind) {
    case "discount_request": {
      const what = event?.kind === "discount_request" ? (event.percentBp != null ? formatPercentBp(event.percentBp, locale) : event.amountOff != null ? fmt(event.amountOff) : null) : null;
      return what ? `they asked for ${what} off${change}` : "they asked for a discount";
    }
    case "client_counter": {
      const amount = event?.kind === "client_counter" ? event.amount : null;
      if (amount == null) return "they made a counter-offer";
      const off = prices && prices.before > amount ? `, ${formatPercentBp(discountBp(prices.before, amount), locale)} off` : "";
      return `they countered at ${fmt(amount)}${prices ? ` (the price on the table is ${fmt(prices.before)}${off})` : ""}`;
    }
    case "my_counter": {
      const amount = event?.kind === "my_counter" ? event.amount : null;
      return amount == null ? "I made a counter-offer" : `I countered at ${fmt(amount)}${prices ? ` (was ${fmt(prices.before)})` : ""}`;
    }
    case "my_answer": {
      const moved = prices && prices.after !== prices.before ? `: ${fmt(prices.before)} → ${fmt(prices.after)}` : prices ? ` at ${fmt(prices.before)}` : "";
      const said = capture.answer === "held_firm" ? "I held firm" : capture.answer === "met_halfway" ? "I met them halfway" : capture.answer === "conceded" ? "I conceded" : lowerFirst(label(capture.answer));
      return `${said}${moved}`;
    }
    default:
      return "";
  }
}
