/**
 * "Bring your history": time entries from Toggl Track, Clockify or Harvest, and past jobs from a
 * spreadsheet, read by lib/history-import/, matched against the book by server/history-import-plan.ts,
 * and written here.
 *
 * - previewImport: the plan, nothing written (counts, problems by line and field, the first rows).
 * - applyImport: the same plan made inside one write transaction and written whole (all or nothing),
 *   acknowledged only after the commit; every row it creates is recorded in import_rows.
 * - undoImport: one transaction that deletes exactly the rows the batch created (time entries, then
 *   quotes, then clients). A quote or client it created that has since gained rows of the user's own is
 *   kept, and the answer says which.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { insertClient } from "@/db/clients";
import {
  clientNames,
  clientsWithOtherRows,
  deleteImportedRows,
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
import { insertTimeEntry } from "@/db/time-entries";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { HistoryImportInput } from "@/lib/history-import/schemas";
import { plural } from "@/lib/text";
import { todayFor } from "./clock";
import { planImport, type ImportPreview, type ImportResult } from "./history-import-plan";

export type { ImportBatch };
export type { ImportPreview, ImportResult, PlannedQuote, PreviewRow } from "./history-import-plan";


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
