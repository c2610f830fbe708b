/**
 * Quick capture, step 2: from the client and quote found (./resolve.ts) to the record the client page's
 * forms would save — the entity's own input, parsed by its schema in lib/schemas.ts — and the preview in
 * plain words. Pure: the server passes the quote, settings and today in.
 */
import { z } from "@/lib/zod";
import { addDays } from "../dates";
import { label, type QuoteEvent, type QuoteWithEvents } from "../domain";
import { discountBp, formatHours, formatMoney, formatPercentBp } from "../money";
import { parseTyped } from "../typed-input";
import { replayNegotiation } from "../negotiation";
import { formatDay } from "../format-date";
import { daysLateFor, overdueToLink, type UnpaidQuote } from "../payment-terms";
import { datesProblem, quoteEventValues } from "../quote-lifecycle";
import { createInteractionSchema, createQuoteEventSchema, fieldErrors, isoDateSchema, quoteOutcomeSchema, type CreateQuoteEvent } from "../schemas";
import { lowerFirst, plural } from "../text";
import { CAN_LOG, type Capture, type CaptureKind } from "./parse";
import { KIND_LABELS, needsQuote, type CapturePlan, type CapturePreview, type CaptureTarget } from "./resolve";

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

/** The client's payments, for a payment line (the server loads them): the quotes still to be paid, and the day each paid one was. */
export interface CapturePayments {
  unpaid: readonly UnpaidQuote[];
  paidOn: Readonly<Record<number, string>>;
}

/**
 * The quote a payment line goes on: the quote chosen (or the page's) when its payment is still owed,
 * else the only overdue one, else the oldest overdue (with how many are overdue); none otherwise. `paid`:
 * the chosen quote was already paid (on that day).
 */
function paymentLink(chosen: { id: number } | null, payments: CapturePayments | undefined): { quote: UnpaidQuote | null; overdueCount: number; paid: string | null } {
  if (!payments) return { quote: null, overdueCount: 0, paid: null };
  if (chosen && payments.paidOn[chosen.id]) return { quote: null, overdueCount: 0, paid: payments.paidOn[chosen.id] };
  const own = chosen ? payments.unpaid.find((u) => u.quoteId === chosen.id) : undefined;
  if (own) return { quote: own, overdueCount: 0, paid: null };
  if (chosen) return { quote: null, overdueCount: 0, paid: null };
  const auto = overdueToLink(payments.unpaid);
  return auto ? { quote: auto.quote, overdueCount: auto.overdueCount, paid: null } : { quote: null, overdueCount: 0, paid: null };
}

export interface BuiltCapture {
  preview: CapturePreview;
  plan: CapturePlan | null;
}

/**
 * The record for a resolved line: `quote` is the target's quote with its steps (the server loads them).
 * Its preview says it in words and lists what is still missing; the plan is what to save, or null.
 */
export function buildCapture(
  target: CaptureTarget,
  ctx: { quote: QuoteWithEvents | null; currency: string; locale: string; today: string; payments?: CapturePayments },
): BuiltCapture {
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
  // a payment goes on the quote it pays (the chosen one, else the overdue one), its days late from that quote's due day
  const link = capture.kind === "payment" ? paymentLink(target.quote, ctx.payments) : null;
  const shownQuote = link?.quote ? { id: link.quote.quoteId, title: link.quote.title } : base.quote;
  const prefix = client ? `${client.name}${shownQuote ? ` — ${shownQuote.title}` : ""}: ` : "";

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
        const amount = typed.value != null ? ` ${fmt(typed.value)}` : "";
        const linked = link?.quote ?? null;
        if (link?.paid && target.quote) missing.push(`Another quote: “${target.quote.title}” was already paid on ${link.paid}`);
        if (linked) {
          const days = daysLateFor(occurredOn ?? ctx.today, linked.dueOn);
          const due = formatDay(linked.dueOn, ctx.locale);
          const late = days === 0 ? "on time" : `${plural(days, "day")} late`;
          const typedOther =
            capture.daysLate != null && capture.daysLate !== days
              ? ` — you typed ${capture.daysLate === 0 ? "on time" : `${plural(capture.daysLate, "day")} late`}; the days late stored are counted from the due day`
              : "";
          const oldest = link!.overdueCount > 1 ? `; the oldest of ${plural(link!.overdueCount, "overdue quote")}` : "";
          raw = { kind: "payment", daysLate: days, amount: typed.value, quoteId: linked.quoteId };
          words = `they paid${amount} ${late} (due ${due}${oldest})${typedOther}`;
          break;
        }
        if (capture.daysLate == null) missing.push("How late, e.g. “paid 10 days late” or “paid on time”");
        raw = { kind: "payment", daysLate: capture.daysLate ?? undefined, amount: typed.value, quoteId };
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
  return { preview: { ...base, quote: shownQuote, missing, sentence: sentence && !client ? upperFirst(sentence) : sentence, ready: plan != null }, plan };
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
