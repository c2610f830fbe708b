/**
 * Answers owed: an open quote (sent or negotiating) whose latest negotiation step is the client's — a
 * discount request or a counter-offer — with no answer or counter of mine after it. Pure.
 */
import type { Client, QuoteWithEvents } from "../domain";
import { replayNegotiation } from "../negotiation";
import { daysSince, todayKeys } from "./shared";
import type { TodayItem } from "./types";
import { todayWords } from "./words";

/** The quote's waiting ask: its last step when that step is the client's, else null. */
export function waitingAsk(quote: Pick<QuoteWithEvents, "status" | "quotedAmount" | "estimatedMinutes" | "agreedAmount" | "events">) {
  if (quote.status !== "sent" && quote.status !== "negotiating") return null;
  const steps = replayNegotiation(quote).steps;
  const last = steps[steps.length - 1];
  if (!last || (last.event.kind !== "discount_request" && last.event.kind !== "client_counter")) return null;
  return last;
}

export function answerOwedItem(quote: QuoteWithEvents, client: Pick<Client, "id" | "name">, today: string, locale = "en-US"): TodayItem | null {
  const step = waitingAsk(quote);
  if (!step) return null;
  const { event } = step;
  const wanted = step.requestedPrice ?? step.priceBefore;
  const days = daysSince(event.occurredOn, today);
  const isCounter = event.kind === "client_counter";
  return {
    key: todayKeys.answer(quote.id),
    kind: "answer_owed",
    clientId: client.id,
    clientName: client.name,
    quoteId: quote.id,
    title: todayWords.answerTitle(client.name, quote.title),
    reason: todayWords.answerReason({
      kind: isCounter ? "client_counter" : "discount_request",
      percentBp: isCounter ? null : event.percentBp,
      amount: isCounter ? wanted : Math.max(0, step.priceBefore - wanted),
      currency: quote.currency,
      on: event.occurredOn,
      days,
      locale,
    }),
    since: event.occurredOn,
    days,
    fingerprint: `event:${event.id}`,
    actions: [
      { type: "link", label: todayWords.answerAction, href: `/offer?quoteId=${quote.id}&check=1` },
      { type: "link", label: todayWords.openQuote, href: `/quotes/${quote.id}` },
    ],
    message: null,
    amount: { value: wanted, currency: quote.currency },
  };
}
