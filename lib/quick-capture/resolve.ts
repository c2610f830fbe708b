/**
 * Quick capture, step 1: from a parsed line to which client and which open quote (the page's, a chosen
 * one, or a name in the line), with the shapes both steps share. Step 2, the record the client page's
 * forms would save and its words, is ./build.ts. Pure: the server passes the clients, quotes and settings in.
 */
import { z } from "@/lib/zod";
import { label, type Client, type Quote } from "../domain";
import { formatMoney } from "../money";
import { idSchema, type CreateInteraction, type CreateQuoteEvent, type QuoteOutcome } from "../schemas";
import { plural } from "../text";
import { rankByName, uniqueBest } from "./match";
import { parseCaptureLine, type CaptureKind, type ParsedLine } from "./parse";

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
export const isOpen = (q: Pick<Quote, "status">) => (CAPTURE_QUOTE_STATUSES as readonly string[]).includes(q.status);

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

export const KIND_LABELS: Record<CaptureKind, string> = {
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

export const MAX_OPTIONS = 8;

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
