/**
 * The book's currency: which currencies its quotes and services are in, changing the book's currency
 * (asking what happens to the amounts in the old one), and re-expressing every amount of one currency
 * in another at a rate the user enters — backup first, then one transaction.
 *
 * Money columns converted (db/currency.ts): services' three rates and their rate history, quotes'
 * quoted and agreed amounts, negotiation steps' amounts (the quote's currency), and interactions'
 * amounts (they have no currency column: they are in the book's currency, so they convert only when
 * the book's own currency is converted), clients' own rates (their service's currency), rate plans'
 * rates, and proposals in that currency (their quote's): the rates they were priced at, their minimum
 * fee and their options' prices (offered and rate card). The minimum fee in Settings is in the book's
 * currency: it converts when the book's currency is converted. Each amount is rounded once, half away
 * from zero, to the target currency's minor unit (lib/currency-conversion.ts).
 *
 * Quotes in other currencies carry a rate to the book's currency (fxRate), and the user keeps rates in
 * Settings; both follow the money (lib/currency-conversion.ts rateAfterMove):
 * - converting the book A → B at r: quotes now in B carry no rate; a quote in C with 1 C = f A gets
 *   f × r (rounded once to 10 decimals); each rate kept for C in A is also kept for C in B at x × r
 *   (a rate already kept for the same currencies and day stays as it is; the rows in A stay too);
 * - re-expressing amounts of X in Y at r (the book stays A): quotes now in Y get f ÷ r (none when Y is A);
 * - keeping the amounts while the book's currency changes A → B: quotes in B carry no rate; every other
 *   quote takes the rate kept for its currency in B in force on its date, else (a quote in C whose
 *   rate was to A) f × the rate kept for A in B, else none: it is counted apart until given one.
 * A rate that would round to zero or be too large refuses the whole change before anything is written.
 */
import type { DB, DbOrTx } from "@/db/connection";
import { writeTransaction } from "@/db/connection";
import {
  addExchangeRateIfNew,
  currencyCounts,
  moneyRowsIn,
  quoteRates,
  setQuoteFxRate,
  setEventAmount,
  setInteractionAmount,
  setQuoteMoney,
  setServiceMoney,
  setServiceRateMoney,
  setClientRateMoney,
  setRatePlanMoney,
  setProposalMoney,
  setProposalOptionMoney,
  type RatesRow,
} from "@/db/currency";
import { listExchangeRates } from "@/db/exchange-rates";
import { getSettings, saveSettings } from "@/db/settings";
import { convertMaybe, convertMinor, formatRate, multiplyRates, parseRate, rateAfterMove, rateToText, type CurrencyMove, type Rate } from "@/lib/currency-conversion";
import { rateInForce } from "@/lib/exchange-rates";
import type { Settings } from "@/lib/domain";
import { invalidInput } from "@/lib/errors";
import { reexpressSchema, type SettingsChange } from "@/lib/book-setup-schemas";
import { fieldErrors, MAX_MONEY } from "@/lib/schemas";
import { plural } from "@/lib/text";
import { backupDatabase } from "./backups";

export interface CurrencyUse {
  currency: string;
  quotes: number;
  services: number;
}

export interface CurrencyUsage {
  /** the book's currency (settings) */
  book: string;
  /** what is in the book's currency */
  inBook: { quotes: number; services: number };
  /** every other currency that holds services or quotes with no exchange rate, with their counts */
  others: CurrencyUse[];
}

export function currencyUsage(db: DbOrTx): CurrencyUsage {
  const book = getSettings(db).currency;
  // a quote with its exchange rate already counts in the book's money: only the others are offered for re-expressing
  const all = currencyCounts(db, { lackingRate: true });
  const mine = all.find((c) => c.currency === book);
  return { book, inBook: { quotes: mine?.quotes ?? 0, services: mine?.services ?? 0 }, others: all.filter((c) => c.currency !== book && c.quotes + c.services > 0) };
}

/** "18 quotes and 4 services" (or just one of them). */
export function describeUse(u: { quotes: number; services: number }): string {
  const parts = [u.quotes ? plural(u.quotes, "quote") : null, u.services ? plural(u.services, "service") : null].filter(Boolean);
  return parts.join(" and ");
}

export interface Converted {
  services: number;
  serviceRates: number;
  quotes: number;
  events: number;
  interactions: number;
  /** clients' own rates (in a converted service's currency) */
  clientRates: number;
  /** planned raises' rates */
  ratePlans: number;
  /** proposals (their rates, minimum fee and options' prices) */
  proposals: number;
  /** quotes in other currencies whose rate to the book's currency changed (re-expressed, or none now) */
  fxRates: number;
  /** rates kept in Settings re-expressed for the new book currency */
  exchangeRates: number;
}

export interface ReexpressResult {
  from: string;
  to: string;
  /** the rate as understood: 1 from = rate to */
  rate: string;
  converted: Converted;
  /** the book's currency afterwards */
  bookCurrency: string;
  /** the backup taken before anything was written (null when there was nothing to convert) */
  backup: string | null;
}

const TOO_SMALL = "At this rate some rates or amounts would round to zero: check the rate (1 old = how many new?)";
const TOO_LARGE = "At this rate some amounts would be too large: check the rate (1 old = how many new?)";

function convertOrRefuse(amount: number, rate: Rate, from: string, to: string): number {
  let out: number;
  try {
    out = convertMinor(amount, rate, from, to);
  } catch {
    throw invalidInput(TOO_LARGE, { rate: [TOO_LARGE] });
  }
  if (out > MAX_MONEY) throw invalidInput(TOO_LARGE, { rate: [TOO_LARGE] });
  return out;
}

function convertRates(r: RatesRow, rate: Rate, from: string, to: string): Omit<RatesRow, "id"> {
  const out = { marketRate: convertOrRefuse(r.marketRate, rate, from, to), targetRate: convertOrRefuse(r.targetRate, rate, from, to), floorRate: convertOrRefuse(r.floorRate, rate, from, to) };
  // a rate card needs market and target above zero (the table's CHECK): say so instead of failing on it
  if (out.marketRate <= 0 || out.targetRate <= 0) throw invalidInput(TOO_SMALL, { rate: [TOO_SMALL] });
  return out;
}

function rateOrRefuse(r: ReturnType<typeof rateAfterMove>): string | null {
  if (r.ok) return r.fxRate;
  const message = r.error === "too_large" ? TOO_LARGE : TOO_SMALL;
  throw invalidInput(message, { rate: [message] });
}

/**
 * Inside a transaction: every amount in `from` becomes `to` at `rate`, and the rates of quotes in other
 * currencies (and, when the book's own currency moves, the rates kept in Settings) follow. Everything
 * is computed before the first write, so a refused rate changes nothing even outside a transaction.
 */
function convertRows(tx: DbOrTx, from: string, to: string, rate: Rate, bookCurrency: string): Converted {
  const move: CurrencyMove = from === bookCurrency ? { kind: "book", from, to, rate } : { kind: "amounts", from, to, rate, book: bookCurrency };
  const fxRates = quoteRates(tx).flatMap((q) => {
    const fxRate = rateOrRefuse(rateAfterMove(q.currency, q.fxRate, move));
    return fxRate === q.fxRate ? [] : [{ id: q.id, fxRate }];
  });
  const keptRates =
    move.kind === "book"
      ? listExchangeRates(tx, from)
          .filter((r) => r.currency !== to)
          .map((r) => ({ currency: r.currency, bookCurrency: to, effectiveFrom: r.effectiveFrom, rate: rateOrRefuse(rateAfterMove(r.currency, r.rate, move))! }))
      : [];
  const rows = moneyRowsIn(tx, from, from === bookCurrency);
  const services = rows.services.map((s) => ({ id: s.id, ...convertRates(s, rate, from, to) }));
  const serviceRates = rows.serviceRates.map((s) => ({ id: s.id, ...convertRates(s, rate, from, to) }));
  const quotes = rows.quotes.map((q) => {
    const quoted = convertOrRefuse(q.quotedAmount, rate, from, to);
    if (q.quotedAmount > 0 && quoted === 0) throw invalidInput(TOO_SMALL, { rate: [TOO_SMALL] });
    return { id: q.id, quoted, agreed: q.agreedAmount == null ? null : convertOrRefuse(q.agreedAmount, rate, from, to) };
  });
  const events = rows.events.map((e) => ({ id: e.id, amount: convertOrRefuse(e.amount, rate, from, to) }));
  const interactions = rows.interactions.map((i) => ({ id: i.id, amount: convertMaybe(i.amount, rate, from, to) ?? 0 }));
  const own = rows.clientRates.map((r) => ({ id: r.id, rate: Math.max(1, convertOrRefuse(r.rate, rate, from, to)) }));
  const plans = rows.ratePlans.map((p) => ({
    id: p.id,
    currentRate: convertOrRefuse(p.currentRate, rate, from, to),
    targetRate: Math.max(1, convertOrRefuse(p.targetRate, rate, from, to)),
    newRate: Math.max(1, convertOrRefuse(p.newRate, rate, from, to)),
    outcomeRate: p.outcomeRate == null ? null : Math.max(1, convertOrRefuse(p.outcomeRate, rate, from, to)),
  }));
  const offered = rows.proposals.map((p) => ({ id: p.id, ...convertRates(p, rate, from, to), minimumFee: convertOrRefuse(p.minimumFee, rate, from, to) }));
  const options = rows.proposalOptions.map((o) => ({ id: o.id, price: convertOrRefuse(o.price, rate, from, to), rateCardPrice: convertOrRefuse(o.rateCardPrice, rate, from, to) }));
  for (const r of own) setClientRateMoney(tx, r.id, r.rate);
  for (const { id, ...p } of offered) setProposalMoney(tx, id, to, p);
  for (const { id, ...o } of options) setProposalOptionMoney(tx, id, o);
  for (const { id, ...p } of plans) setRatePlanMoney(tx, id, to, p);
  for (const s of services) setServiceMoney(tx, s.id, to, s);
  for (const s of serviceRates) setServiceRateMoney(tx, s.id, s);
  for (const q of quotes) setQuoteMoney(tx, q.id, to, q.quoted, q.agreed);
  for (const e of events) setEventAmount(tx, e.id, e.amount);
  for (const i of interactions) setInteractionAmount(tx, i.id, i.amount);
  for (const q of fxRates) setQuoteFxRate(tx, q.id, q.fxRate);
  let exchangeRates = 0;
  for (const r of keptRates) exchangeRates += addExchangeRateIfNew(tx, r);
  return { services: services.length, serviceRates: serviceRates.length, quotes: quotes.length, events: events.length, interactions: interactions.length, clientRates: own.length, ratePlans: plans.length, proposals: offered.length, fxRates: fxRates.length, exchangeRates };
}

/**
 * Inside a transaction: the book's currency goes from `oldBook` to `newBook` and the amounts stay as
 * they are. Quotes in the new currency carry no rate; every other quote takes the rate kept for its
 * currency in the new one on its date, else (a rate to the old currency) its rate times the rate kept
 * for the old currency, else none. Returns how many quotes' rates changed.
 */
function rebaseRates(tx: DbOrTx, oldBook: string, newBook: string): number {
  const kept = listExchangeRates(tx, newBook);
  let changed = 0;
  for (const q of quoteRates(tx)) {
    let fxRate: string | null = null;
    if (q.currency !== newBook) {
      fxRate = rateInForce(kept, q.currency, q.day);
      const oldToNew = fxRate == null && q.currency !== oldBook && q.fxRate != null ? rateInForce(kept, oldBook, q.day) : null;
      if (oldToNew != null) {
        const f = parseRate(q.fxRate!);
        const k = parseRate(oldToNew);
        const t = f.ok && k.ok ? rateToText(multiplyRates(f.rate, k.rate)) : null;
        fxRate = t?.ok ? t.text : null;
      }
    }
    if (fxRate !== q.fxRate) changed += setQuoteFxRate(tx, q.id, fxRate);
  }
  return changed;
}

function parsedRate(text: string): Rate {
  const r = parseRate(text);
  // the schemas have already refused a bad rate; this keeps the use case safe when called directly
  if (!r.ok) throw invalidInput("Please fix the highlighted fields.", { rate: ["Enter the rate, e.g. 0.79"] });
  return r.rate;
}

/**
 * Re-express every amount in `from` in `to` (1 from = `rate` to). When `from` is the book's currency,
 * the book's currency becomes `to` in the same transaction. A backup of the database is taken first.
 */
export async function reexpressBook(db: DB, input: unknown, backupDir: string): Promise<ReexpressResult> {
  const parsed = reexpressSchema.safeParse(input);
  if (!parsed.success) throw invalidInput("Please fix the highlighted fields.", fieldErrors(parsed.error));
  const { from, to } = parsed.data;
  const rate = parsedRate(parsed.data.rate);
  const before = currencyCounts(db).find((c) => c.currency === from);
  const backup = before && before.quotes + before.services > 0 ? (await backupDatabase(db.$client, backupDir, "pre-currency")).file : null;
  return writeTransaction(db, (tx) => {
    const settings = getSettings(tx);
    const converted = convertRows(tx, from, to, rate, settings.currency);
    // the minimum fee is in the book's currency: it moves with the book
    if (settings.currency === from) saveSettings(tx, { ...settings, currency: to, minimumFee: convertOrRefuse(settings.minimumFee, rate, from, to) });
    return { from, to, rate: formatRate(rate), converted, bookCurrency: getSettings(tx).currency, backup };
  });
}

export interface SettingsChangeResult {
  settings: Settings;
  /** set when the amounts were converted */
  reexpressed: ReexpressResult | null;
}

/**
 * Save the settings. When the currency changes and the book holds quotes or services in the old one,
 * the change must say what happens to them: "convert" (at `rate`, backup first, one transaction with
 * the new settings) or "keep" (they stay in the old currency; the dashboard counts them apart).
 */
export async function changeSettings(db: DB, input: SettingsChange, backupDir: string): Promise<SettingsChangeResult> {
  const { currencyChange, rate: rateText, ...settings } = input;
  const current = getSettings(db);
  const old = current.currency;
  const inOld = currencyCounts(db).find((c) => c.currency === old) ?? { quotes: 0, services: 0 };
  const save = () =>
    writeTransaction(db, (tx) => {
      // the amounts stay; the quotes' rates now convert to the new currency
      if (settings.currency !== old) rebaseRates(tx, old, settings.currency);
      saveSettings(tx, settings);
      return getSettings(tx);
    });
  if (settings.currency === old || inOld.quotes + inOld.services === 0 || currencyChange === "keep") return { settings: save(), reexpressed: null };
  if (currencyChange !== "convert") {
    const message = `Your book has ${describeUse(inOld)} in ${old}. Convert them to ${settings.currency} at a rate you enter, or keep them in ${old}.`;
    throw invalidInput(message, { currencyChange: [message] });
  }
  const rate = parsedRate(rateText ?? "");
  const backup = (await backupDatabase(db.$client, backupDir, "pre-currency")).file;
  return writeTransaction(db, (tx) => {
    const stored = getSettings(tx);
    const converted = convertRows(tx, old, settings.currency, rate, stored.currency);
    // the minimum fee moves with the book's money, unless this change typed a new one (then it is in the new currency)
    const minimumFee = settings.minimumFee === stored.minimumFee ? convertOrRefuse(stored.minimumFee, rate, old, settings.currency) : settings.minimumFee;
    saveSettings(tx, { ...settings, minimumFee });
    return { settings: getSettings(tx), reexpressed: { from: old, to: settings.currency, rate: formatRate(rate), converted, bookCurrency: settings.currency, backup } };
  });
}
