/**
 * The history import's plan (server/history-import.ts writes it): the file read by lib/history-import/
 * and matched against the book — which clients and quotes it names, which rows are new, already imported
 * or a problem, and what each new quote would be. Reads only; nothing is written here.
 *
 * Matching: a client by name (trimmed, without case), else created (active, lead source "other"). A
 * client's project is a quote of theirs titled like it, else a new accepted quote made from the file:
 * its amount is the billable amounts of the group, its minutes the time logged, no estimate of its own,
 * decided on the first day and done on the last, on the rate-card service chosen for the import. A group
 * with no quote and no amount is a problem. Every day's time is checked as any entry is
 * (server/time-entries.ts checkTimeEntry): 24 h at most across the book, the other rows of the same file
 * included, and no day that has not come yet.
 */
import type { DbOrTx } from "@/db/connection";
import { clientNames, existingQuoteKeys, existingTimeEntryKeys, quoteTitles } from "@/db/imports";
import { getSettings } from "@/db/settings";
import { findService } from "@/db/services";
import { AppError, invalidInput, isAppError } from "@/lib/errors";
import { groupTimeRecords } from "@/lib/history-import/group";
import { nameKey } from "@/lib/history-import/keys";
import type { ColumnMapping } from "@/lib/history-import/mapping";
import { readImportFile } from "@/lib/history-import/read";
import type { RowProblem } from "@/lib/history-import/rows";
import type { HistoryImportInput } from "@/lib/history-import/schemas";
import type { QuoteValues } from "@/lib/quote-lifecycle";
import { isDecided } from "@/lib/quote-lifecycle";
import { resolveFxRate } from "./quotes";
import { checkTimeEntry } from "./time-entries";
import type { ImportPreview, PreviewRow } from "@/lib/history-import/answer";

export type { ImportPreview, ImportResult, PlannedQuote, PreviewRow } from "@/lib/history-import/answer";

interface NewClient {
  key: string;
  name: string;
}
interface EntryPlan {
  line: number;
  key: string;
  date: string;
  minutes: number;
  billable: boolean | null;
  note: string | null;
  amount: number | null;
}
export interface QuotePlan {
  clientKey: string;
  clientId: number | null;
  title: string;
  quoteId: number | null;
  values: Omit<QuoteValues, "clientId"> | null;
  entries: EntryPlan[];
  currency: string;
}

export interface Plan {
  preview: ImportPreview;
  newClients: NewClient[];
  quotes: QuotePlan[];
  skipped: number;
}

const clientIdName = (q: QuotePlan, names: Map<string, string>) => names.get(q.clientKey) ?? q.clientKey;

const FIRST_ROWS = 10;
const MAX_PROBLEMS = 500;

function fxProblem(db: DbOrTx, input: HistoryImportInput, currency: string, day: string, today: string): { fxRate: string | null } | { message: string } {
  try {
    return { fxRate: resolveFxRate(db, { currency, fxRate: input.fxRates?.[currency] ?? null, decidedOn: day, sentOn: day }, today) };
  } catch (e) {
    if (isAppError(e, "invalid_input")) return { message: (e as AppError).fields.fxRate?.[0] ?? e.message };
    throw e;
  }
}

/** Read the file and match it against the book: what an import would write. Writes nothing. */
export function planImport(db: DbOrTx, input: HistoryImportInput, today: string): Plan {
  // the rate-card service the new quotes are priced on: compared with your rates when the currencies allow
  const service = input.serviceId != null ? findService(db, input.serviceId) : undefined;
  if (input.serviceId != null && !service) throw invalidInput("Unknown service", { serviceId: [`No service with id ${input.serviceId}`] });
  const serviceFor = (currency: string, fxRate: string | null): number | null =>
    service && (service.currency === currency || (fxRate != null && service.currency === getSettings(db).currency)) ? service.id : null;

  const book = getSettings(db).currency;
  const file = readImportFile({ csv: input.csv, source: input.source, mapping: input.mapping as ColumnMapping | undefined, dateFormat: input.dateFormat }, book);
  const problems: RowProblem[] = [...file.problems];
  const outcome = new Map<number, PreviewRow["outcome"]>();
  for (const p of problems) outcome.set(p.line, "problem");
  const problem = (line: number, field: string, message: string) => {
    problems.push({ line, field, message });
    outcome.set(line, "problem");
  };

  const clientsByName = new Map<string, number>();
  for (const c of clientNames(db)) if (!clientsByName.has(nameKey(c.name))) clientsByName.set(nameKey(c.name), c.id);
  const allQuotes = quoteTitles(db);
  const quoteByKey = new Map(allQuotes.filter((q) => q.sourceKey).map((q) => [q.sourceKey!, q]));
  const quoteByTitle = new Map<string, number>();
  for (const q of allQuotes) {
    const k = `${q.clientId}\u001f${nameKey(q.title)}`;
    if (!quoteByTitle.has(k)) quoteByTitle.set(k, q.id);
  }

  const quotes: QuotePlan[] = [];
  let alreadyImported = 0;
  const needRate = new Set<string>();

  if (file.kind === "time") {
    const groups = groupTimeRecords(file.source, file.time);
    const known = existingTimeEntryKeys(db, file.time.map((r) => r.key));
    const candidates: { plan: QuotePlan; entry: EntryPlan }[] = [];
    for (const g of groups) {
      // a quote this source made before (even if renamed since), else the client's quote titled like the project
      const byKey = quoteByKey.get(g.key);
      const clientId = byKey?.clientId ?? clientsByName.get(nameKey(g.client)) ?? null;
      const quoteId = byKey?.id ?? (clientId != null ? quoteByTitle.get(`${clientId}\u001f${nameKey(g.project)}`) : undefined) ?? null;
      const fresh = g.records.filter((r) => {
        if (!known.has(r.key)) return true;
        alreadyImported++;
        outcome.set(r.line, "already imported");
        return false;
      });
      if (!fresh.length) continue;
      const plan: QuotePlan = { clientKey: nameKey(g.client), clientId, title: g.project, quoteId, values: null, entries: [], currency: g.currency ?? book };
      if (quoteId == null) {
        const refuse = (field: string, message: string) => fresh.forEach((r) => problem(r.line, field, message));
        if (g.currency == null) {
          refuse("currency", `The rows of "${g.project}" for ${g.client} are in more than one currency: one quote has one currency`);
          continue;
        }
        if (g.amount <= 0) {
          refuse("amount", `No quote named "${g.project}" for ${g.client} and no amount in the file: create the quote first, then import again`);
          continue;
        }
        const fx = fxProblem(db, input, g.currency, g.firstDay, today);
        if ("message" in fx) {
          needRate.add(g.currency);
          refuse("fxRate", fx.message);
          continue;
        }
        plan.values = {
          serviceId: serviceFor(g.currency, fx.fxRate),
          title: g.project,
          scope: null,
          estimatedMinutes: 0,
          quotedAmount: 0,
          currency: g.currency,
          status: "accepted",
          agreedAmount: 0,
          sentOn: g.firstDay,
          decidedOn: g.firstDay,
          rejectionReason: null,
          cameBackAtMyPrice: false,
          fxRate: fx.fxRate,
          workDoneOn: g.lastDay,
          estimateKnown: false,
          sourceKey: g.key,
        };
      }
      quotes.push(plan);
      for (const r of fresh) candidates.push({ plan, entry: { line: r.line, key: r.key, date: r.date, minutes: r.minutes, billable: r.billable, note: r.note, amount: r.amount } });
    }
    // a person's day has 24 hours, across the book and across this file
    const perDay = new Map<string, number>();
    for (const c of candidates.sort((a, b) => a.entry.line - b.entry.line)) {
      try {
        checkTimeEntry(db, c.entry.date, c.entry.minutes, today, perDay.get(c.entry.date) ?? 0);
      } catch (e) {
        if (!isAppError(e, "invalid_input")) throw e;
        const [field, messages] = Object.entries((e as AppError).fields)[0] ?? ["duration", [e.message]];
        problem(c.entry.line, field === "occurredOn" ? "date" : "duration", `${e.message}: ${messages[0]}`);
        continue;
      }
      perDay.set(c.entry.date, (perDay.get(c.entry.date) ?? 0) + c.entry.minutes);
      c.plan.entries.push(c.entry);
      outcome.set(c.entry.line, "new");
    }
    // a new quote is made of the entries that stand
    for (const plan of quotes) {
      if (!plan.values) continue;
      const amount = plan.entries.reduce((s, e) => s + (e.amount ?? 0), 0);
      if (plan.entries.length && amount <= 0) {
        for (const e of plan.entries) problem(e.line, "amount", `No quote named "${plan.title}" and no amount in the file for the rows that can be imported: create the quote first, then import again`);
        plan.entries = [];
      }
      const minutes = plan.entries.reduce((s, e) => s + e.minutes, 0);
      const days = plan.entries.map((e) => e.date).sort();
      Object.assign(plan.values, { estimatedMinutes: minutes, quotedAmount: amount, agreedAmount: amount, sentOn: days[0], decidedOn: days[0], workDoneOn: days[days.length - 1] });
    }
  } else {
    const known = existingQuoteKeys(db, file.jobs.map((j) => j.key));
    for (const j of file.jobs) {
      if (known.has(j.key)) {
        alreadyImported++;
        outcome.set(j.line, "already imported");
        continue;
      }
      if (j.date > today) {
        problem(j.line, "date", `${j.date} has not come yet: import jobs that are done (today is ${today})`);
        continue;
      }
      const fx = fxProblem(db, input, j.currency, j.date, today);
      if ("message" in fx) {
        needRate.add(j.currency);
        problem(j.line, "fxRate", fx.message);
        continue;
      }
      const accepted = j.status === "accepted";
      quotes.push({
        clientKey: nameKey(j.client),
        clientId: clientsByName.get(nameKey(j.client)) ?? null,
        title: j.title,
        quoteId: null,
        entries: [],
        currency: j.currency,
        values: {
          serviceId: serviceFor(j.currency, fx.fxRate),
          title: j.title,
          scope: null,
          estimatedMinutes: j.minutes,
          quotedAmount: j.amount,
          currency: j.currency,
          status: j.status,
          agreedAmount: accepted ? j.amount : null,
          sentOn: j.date,
          decidedOn: isDecided(j.status) ? j.date : null,
          rejectionReason: null,
          cameBackAtMyPrice: false,
          fxRate: fx.fxRate,
          workDoneOn: accepted ? j.date : null,
          estimateKnown: false,
          sourceKey: j.key,
        },
      });
      outcome.set(j.line, "new");
    }
  }

  const kept = quotes.filter((q) => (q.values ? (file.kind === "jobs" ? true : q.entries.length > 0) : q.entries.length > 0));
  const clientNamesByKey = new Map<string, string>();
  const originalNames = new Map<string, string>();
  for (const r of [...file.time, ...file.jobs]) if (!originalNames.has(nameKey(r.client))) originalNames.set(nameKey(r.client), r.client);
  const matchedClients = new Set<number>();
  for (const q of kept) {
    if (q.clientId != null) matchedClients.add(q.clientId);
    else if (!clientNamesByKey.has(q.clientKey)) clientNamesByKey.set(q.clientKey, originalNames.get(q.clientKey) ?? q.title);
  }
  const newClients = [...clientNamesByKey].map(([key, name]) => ({ key, name }));

  const problemLines = new Set(problems.map((p) => p.line));
  const records = file.kind === "time" ? file.time.map((r) => ({ ...r, title: r.project, status: null })) : file.jobs.map((j) => ({ ...j, billable: null }));
  const firstRows: PreviewRow[] = records.slice(0, FIRST_ROWS).map((r) => ({
    line: r.line,
    date: r.date,
    client: r.client,
    title: r.title,
    minutes: r.minutes,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    outcome: outcome.get(r.line) ?? "problem",
  }));
  problems.sort((a, b) => a.line - b.line);

  const preview: ImportPreview = {
    source: file.source,
    kind: file.kind,
    fileName: input.fileName ?? null,
    header: file.header,
    mapping: file.mapping,
    dateFormat: file.dateFormat,
    counts: {
      rows: file.total,
      clientsNew: newClients.length,
      clientsMatched: matchedClients.size,
      quotesNew: kept.filter((q) => q.quoteId == null).length,
      quotesMatched: kept.filter((q) => q.quoteId != null).length,
      entriesNew: kept.reduce((s, q) => s + q.entries.length, 0),
      alreadyImported,
      problemRows: problemLines.size,
    },
    problems: problems.slice(0, MAX_PROBLEMS),
    currenciesNeedingRate: [...needRate].sort(),
    bookCurrency: book,
    quotes: kept.map((q) => ({
      client: clientIdName(q, originalNames),
      title: q.title,
      id: q.quoteId,
      minutes: q.values ? q.values.estimatedMinutes : q.entries.reduce((s, e) => s + e.minutes, 0),
      amount: q.values?.agreedAmount ?? q.values?.quotedAmount ?? 0,
      currency: q.currency,
      entries: q.entries.length,
    })),
    firstRows,
  };
  return { preview, newClients, quotes: kept, skipped: problemLines.size + alreadyImported };
}
