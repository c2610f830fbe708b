/**
 * "Bring your history": time entries from Toggl Track, Clockify or Harvest, and past jobs from a
 * spreadsheet, read by lib/history-import/ and written here.
 *
 * - previewImport: the plan, nothing written (counts, problems by line and field, the first rows).
 * - applyImport: the same plan made inside one write transaction and written whole (all or nothing),
 *   acknowledged only after the commit; every row it creates is recorded in import_rows.
 * - undoImport: one transaction that deletes exactly the rows the batch created (time entries, then
 *   quotes, then clients). A quote or client it created that has since gained rows of the user's own is
 *   kept, and the answer says which.
 *
 * Matching: a client by name (trimmed, without case), else created (active, lead source "other"). A
 * client's project is a quote of theirs titled like it, else a new accepted quote made from the file:
 * its amount is the billable amounts of the group, its minutes the time logged, no estimate of its own,
 * decided on the first day and done on the last. A group with no quote and no amount is a problem.
 * Every day's time is checked as any entry is (server/time-entries.ts checkTimeEntry): 24 h at most
 * across the book, the other rows of the same file included, and no day that has not come yet.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { insertClient } from "@/db/clients";
import {
  clientNames,
  clientsWithOtherRows,
  deleteImportedRows,
  existingQuoteKeys,
  existingTimeEntryKeys,
  findImportBatch,
  importRowIds,
  insertImportBatch,
  listImportBatches,
  markImportBatchUndone,
  markImportRows,
  quoteTitles,
  quotesWithOtherRows,
  type ImportBatch,
} from "@/db/imports";
import { insertQuote } from "@/db/quotes";
import { getSettings } from "@/db/settings";
import { insertTimeEntry } from "@/db/time-entries";
import { AppError, conflict, invalidInput, isAppError, notFound } from "@/lib/errors";
import { findService } from "@/db/services";
import { groupTimeRecords } from "@/lib/history-import/group";
import { nameKey } from "@/lib/history-import/keys";
import type { ColumnMapping } from "@/lib/history-import/mapping";
import type { DateFormat, ImportKind, ImportSource } from "@/lib/history-import/presets";
import { readImportFile } from "@/lib/history-import/read";
import type { RowProblem } from "@/lib/history-import/rows";
import type { HistoryImportInput } from "@/lib/history-import/schemas";
import type { QuoteStatus } from "@/lib/domain";
import type { QuoteValues } from "@/lib/quote-lifecycle";
import { isDecided } from "@/lib/quote-lifecycle";
import { plural } from "@/lib/text";
import { todayFor } from "./clock";
import { resolveFxRate } from "./quotes";
import { checkTimeEntry } from "./time-entries";

export type { ImportBatch };

export interface PreviewRow {
  line: number;
  date: string;
  client: string;
  /** the project (time) or the job's title */
  title: string;
  minutes: number;
  amount: number | null;
  currency: string;
  status: QuoteStatus | null;
  outcome: "new" | "already imported" | "problem";
}

export interface PlannedQuote {
  client: string;
  title: string;
  /** the book's quote it goes on (matched), or null when the import creates it */
  id: number | null;
  minutes: number;
  amount: number;
  currency: string;
  entries: number;
}

export interface ImportPreview {
  source: ImportSource;
  kind: ImportKind;
  fileName: string | null;
  header: string[];
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  counts: {
    rows: number;
    clientsNew: number;
    clientsMatched: number;
    quotesNew: number;
    quotesMatched: number;
    entriesNew: number;
    /** rows (entries or jobs) the book already has from an earlier import of this file */
    alreadyImported: number;
    /** rows with a problem (not imported) */
    problemRows: number;
  };
  /** every problem, by line (the first 500) */
  problems: RowProblem[];
  /** currencies of the file with no rate to the book's: give one (fxRates) to import those rows */
  currenciesNeedingRate: string[];
  bookCurrency: string;
  quotes: PlannedQuote[];
  firstRows: PreviewRow[];
}

export interface ImportResult extends ImportPreview {
  /** null when the file added nothing (everything already imported, or every row a problem) */
  batchId: number | null;
  created: { clients: { id: number; name: string }[]; quotes: { id: number; clientId: number; title: string }[]; timeEntries: number };
}

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
interface QuotePlan {
  clientKey: string;
  clientId: number | null;
  title: string;
  quoteId: number | null;
  values: Omit<QuoteValues, "clientId"> | null;
  entries: EntryPlan[];
  currency: string;
}

interface Plan {
  preview: ImportPreview;
  newClients: NewClient[];
  quotes: QuotePlan[];
  skipped: number;
}

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
function planImport(db: DbOrTx, input: HistoryImportInput, today: string): Plan {
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

const clientIdName = (q: QuotePlan, names: Map<string, string>) => names.get(q.clientKey) ?? q.clientKey;

/** What the file would add, row by row: nothing is written. */
export function previewImport(db: DbOrTx, input: HistoryImportInput, today = todayFor(db)): ImportPreview {
  return planImport(db, input, today).preview;
}

/** Import the file in one transaction (all of it or nothing), recorded as one batch that can be undone. */
export function applyImport(db: DbOrTx, input: HistoryImportInput, today = todayFor(db)): ImportResult {
  return writeTransaction(db, (tx) => {
    const plan = planImport(tx, input, today);
    const { preview } = plan;
    const created: ImportResult["created"] = { clients: [], quotes: [], timeEntries: 0 };
    if (!plan.newClients.length && !plan.quotes.length) return { ...preview, batchId: null, created };
    const batchId = insertImportBatch(tx, {
      source: preview.source,
      fileName: input.fileName ?? null,
      clientsAdded: preview.counts.clientsNew,
      quotesAdded: preview.counts.quotesNew,
      timeEntriesAdded: preview.counts.entriesNew,
      rowsSkipped: plan.skipped,
    });
    const clientIds = new Map<string, number>();
    for (const c of plan.newClients) {
      const id = insertClient(tx, { name: c.name, status: "active", leadSource: "other" });
      clientIds.set(c.key, id);
      created.clients.push({ id, name: c.name });
    }
    const entryIds: number[] = [];
    for (const q of plan.quotes) {
      const clientId = q.clientId ?? clientIds.get(q.clientKey)!;
      let quoteId = q.quoteId;
      if (quoteId == null) {
        quoteId = insertQuote(tx, { ...q.values!, clientId });
        created.quotes.push({ id: quoteId, clientId, title: q.title });
      }
      for (const e of q.entries) entryIds.push(insertTimeEntry(tx, { quoteId, occurredOn: e.date, minutes: e.minutes, note: e.note, billable: e.billable, sourceKey: e.key }));
    }
    created.timeEntries = entryIds.length;
    markImportRows(tx, batchId, "clients", created.clients.map((c) => c.id));
    markImportRows(tx, batchId, "quotes", created.quotes.map((q) => q.id));
    markImportRows(tx, batchId, "time_entries", entryIds);
    // read back what was written: the counts are the rows that exist
    const written = importRowIds(tx, batchId);
    if (written.clients.length !== created.clients.length || written.quotes.length !== created.quotes.length || written.time_entries.length !== entryIds.length)
      throw new AppError("internal", "The import did not write what it planned: nothing was changed");
    return { ...preview, batchId, created };
  });
}

export interface UndoResult {
  batchId: number;
  removed: { clients: number; quotes: number; timeEntries: number };
  kept: { clients: { id: number; name: string }[]; quotes: { id: number; title: string }[] };
  message: string;
}

/** Take back one import: exactly the rows it created, in one transaction; what the user has built on since stays. */
export function undoImport(db: DbOrTx, batchId: number): UndoResult {
  return writeTransaction(db, (tx) => {
    const batch = findImportBatch(tx, batchId);
    if (!batch) throw notFound("import", batchId);
    if (batch.undoneAt) throw conflict(`This import was already undone (${batch.undoneAt.slice(0, 10)})`);
    const ids = importRowIds(tx, batchId);
    const timeEntries = deleteImportedRows(tx, "time_entries", ids.time_entries);
    // after its entries are gone, anything left on a quote is the user's own
    const keepQuotes = quotesWithOtherRows(tx, ids.quotes, []);
    const quoteRows = quoteTitles(tx).filter((q) => ids.quotes.includes(q.id));
    const quotes = deleteImportedRows(tx, "quotes", ids.quotes.filter((id) => !keepQuotes.has(id)));
    const keepClients = clientsWithOtherRows(tx, ids.clients, []);
    const clientRows = clientNames(tx).filter((c) => ids.clients.includes(c.id));
    const clients = deleteImportedRows(tx, "clients", ids.clients.filter((id) => !keepClients.has(id)));
    markImportBatchUndone(tx, batchId);
    const kept = {
      clients: clientRows.filter((c) => keepClients.has(c.id)),
      quotes: quoteRows.filter((q) => keepQuotes.has(q.id)).map((q) => ({ id: q.id, title: q.title })),
    };
    const keptWords = [
      kept.quotes.length ? `kept ${kept.quotes.map((q) => `"${q.title}"`).join(", ")}: you added your own entries to ${kept.quotes.length === 1 ? "it" : "them"}` : "",
      kept.clients.length ? `kept ${kept.clients.map((c) => c.name).join(", ")}: ${kept.clients.length === 1 ? "the client has" : "these clients have"} your own quotes or notes` : "",
    ].filter(Boolean);
    const removedWords = [clients ? plural(clients, "client") : "", quotes ? plural(quotes, "quote") : "", timeEntries ? plural(timeEntries, "time entry", "time entries") : ""].filter(Boolean);
    const removedText = removedWords.length ? `removed ${removedWords.length > 1 ? `${removedWords.slice(0, -1).join(", ")} and ${removedWords[removedWords.length - 1]}` : removedWords[0]}` : "nothing left to remove";
    const message = `Undone: ${removedText}${keptWords.length ? `; ${keptWords.join("; ")}` : ""}.`;
    return { batchId, removed: { clients, quotes, timeEntries }, kept, message };
  });
}

/** The imports made, newest first. */
export function listImports(db: DbOrTx): ImportBatch[] {
  return listImportBatches(db);
}
