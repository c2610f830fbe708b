/**
 * Quick capture: a typed line → a preview (dry run), or the record saved through the same use cases the
 * client page's forms call (addQuoteEvent, setQuoteOutcome, addInteraction), in one transaction with the
 * client's fit score before and after.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { listClients } from "@/db/clients";
import { findQuote, findQuoteRow, listQuotes, listQuotesWhere } from "@/db/quotes";
import { getSettings } from "@/db/settings";
import { invalidInput } from "@/lib/errors";
import { CAN_LOG } from "@/lib/quick-capture/parse";
import { buildCapture, type BuiltCapture, type CapturePayments } from "@/lib/quick-capture/build";
import { listInteractions } from "@/db/interactions";
import { OPEN_QUOTE_STATUSES, type Client, type Quote } from "@/lib/domain";
import { cachedRead, type Cached } from "./cache";
import { paymentState, unpaidQuotes } from "@/lib/payment-terms";
import { resolvePage, resolveTarget, type CapturePage, type CapturePreview, type QuickCaptureInput } from "@/lib/quick-capture/resolve";
import { scoreChange, scoreChangeLine, type ScoreChange } from "@/lib/score-change";
import { todayFor } from "./clock";
import { addInteraction } from "./interactions";
import { addQuoteEvent, setQuoteOutcome } from "./quotes";
import { computeClientScore } from "./scores";

export type { CapturePage, CapturePreview, QuickCaptureInput };

export interface CaptureSaved {
  preview: CapturePreview;
  clientId: number;
  clientName: string;
  change: ScoreChange;
  /** "Fit score 72 → 64 · Keep → Set boundaries" (lib/score-change.ts, as every logging form says it) */
  scoreWords: string;
}

/** A payment line's client: the quotes still to be paid and the day each paid one was (lib/payment-terms.ts). */
function paymentsOf(db: DbOrTx, clientId: number, today: string): CapturePayments {
  const own = listQuotes(db, { clientId });
  const interactions = listInteractions(db, clientId);
  const paidOn: Record<number, string> = {};
  for (const q of own) {
    const state = paymentState(q, interactions, today);
    if (state.tracked && state.paid) paidOn[q.id] = state.paid.paidOn;
  }
  return { unpaid: unpaidQuotes(own, interactions, today), paidOn };
}

/**
 * The quotes a line can land on, not the book's history: every open or draft quote, every quote of the
 * page's client (a title typed on its page) and the quotes named by id. resolveTarget (lib/quick-capture)
 * looks at no other, so a quick log costs the same on a ten-year book as on a new one.
 */
function captureQuotes(db: DbOrTx, input: Pick<QuickCaptureInput, "quoteId" | "pageQuoteId" | "pageClientId">): Quote[] {
  const ids = [input.quoteId, input.pageQuoteId].filter((id): id is number => id != null);
  const pageQuote = input.pageQuoteId != null ? findQuoteRow(db, input.pageQuoteId) : undefined;
  const clientIds = [pageQuote?.clientId ?? input.pageClientId].filter((id): id is number => id != null);
  return listQuotesWhere(db, { statuses: OPEN_QUOTE_STATUSES, clientIds, ids });
}

/** Every client, for matching a typed name (typos included, so not in SQL): read once until the next write. */
function captureClients(db: DbOrTx): Cached<Client[]> {
  return cachedRead(db, "capture:clients", () => listClients(db));
}

function build(db: DbOrTx, input: QuickCaptureInput, today: string): BuiltCapture {
  const settings = getSettings(db);
  const target = resolveTarget(input, { clients: captureClients(db), quotes: captureQuotes(db, input), locale: settings.locale });
  const quote = target.quote ? (findQuote(db, target.quote.id) ?? null) : null;
  const payments = target.parsed.capture?.kind === "payment" && target.client ? paymentsOf(db, target.client.id, today) : undefined;
  return buildCapture(target, { quote, currency: settings.currency, locale: settings.locale, today, payments });
}

/** The client (and quote) of the page the palette was opened on: a quote page gives its quote and its client. */
export function quickCapturePage(db: DbOrTx, input: Pick<QuickCaptureInput, "pageClientId" | "pageQuoteId">): CapturePage {
  return resolvePage(input, { clients: captureClients(db), quotes: captureQuotes(db, input) });
}

/** What the line would log, in words, and what is still missing: nothing is written. */
export function previewQuickCapture(db: DbOrTx, input: QuickCaptureInput, today = todayFor(db)): CapturePreview {
  return build(db, input, today).preview;
}

/** Save what the line says, in one transaction; refused (invalid_input, with the preview's words) while something is missing. */
export function saveQuickCapture(db: DbOrTx, input: QuickCaptureInput, today = todayFor(db)): CaptureSaved {
  return writeTransaction(db, (tx) => {
    const { preview, plan } = build(tx, input, today);
    if (!plan) {
      const problems = preview.understood ? preview.missing : [`I could not tell what happened. I can log: ${CAN_LOG.join("; ")}`];
      throw invalidInput(problems[0], { line: problems });
    }
    const before = computeClientScore(tx, plan.clientId, today).assessment;
    if (plan.to === "quote_event") addQuoteEvent(tx, plan.quoteId, plan.input, today);
    else if (plan.to === "outcome") setQuoteOutcome(tx, plan.quoteId, plan.input, today);
    else addInteraction(tx, plan.clientId, plan.input, today);
    const after = computeClientScore(tx, plan.clientId, today);
    const change = scoreChange(before, after.assessment);
    return { preview, clientId: plan.clientId, clientName: after.client.name, change, scoreWords: scoreChangeLine(change) };
  });
}
