/**
 * The whole book in and out: export every table as one versioned document, import one in a single
 * transaction (replace: the file becomes the book, ids kept; merge: added to the book, ids remapped).
 * A file that fails validation never reaches this module (see lib/export-schema.ts).
 *
 * The rate card's history (serviceRates) travels with its services: replace keeps its ids, merge remaps
 * them to the new services (a service reused from the book keeps the book's own history). A service the
 * file gives no history (a file from before the history, or a service without rows) gets its rates as
 * its history from 1970-01-01, as the migration did for the books there were.
 *
 * Time spent, exchange rates and the history imports (version 2 of the file):
 * - replace keeps every id, so an import batch can still be undone after a restore; a batch's row that
 *   the file does not hold (undone, or deleted since) is not marked again (it could name another row later);
 * - merge gives time entries their quote's new id and import batches their rows' new ids. A source key
 *   (the history import's "already imported" mark) that the book already holds is dropped from the added
 *   copy (the row is added, without the key): the book's own row keeps the key, so a history file imported
 *   again still adds nothing, and merging a book into itself never breaks the keys' uniqueness.
 *   Exchange rates are added unless the book already keeps a rate for the same currencies and day (yours stays).
 *   A quote's rate converts it to the file's book currency: when that is yours, it stays; when it is not,
 *   a quote in your currency has none, and any other takes the rate you keep in force on its date
 *   (decided, sent, else created), or none — then it is counted apart until you give it one.
 * - the demo's marks are forgotten by a replace: the ids they name now belong to the file's rows.
 *
 * Version 3: rate plans and client rates travel with their client and service (merge remaps both, and a
 * client rate its plan). Today's done / snoozed marks name items by id: a replace keeps them, a merge
 * drops them (the ids are new, and the merged items are new to this book).
 *
 * Version 4: proposals travel with their quote, whole (items, options, which items each option
 * includes, the client's answer). A replace keeps every id and every link's secret, so a link the
 * client holds keeps working after a restore. A merge gives them new ids (the chosen option too) and
 * DROPS the links' secrets: a merged-in book must not bring live public links into this one (turn the
 * link on again to share it); the day it was sent stays. A quote that already has a proposal in the
 * book keeps its own (one per quote): the file's is not added.
 */
import { writeTransaction, type DB, type DbOrTx } from "@/db/connection";
import {
  bookCounts,
  clearBook,
  exchangeRateKeys,
  insertBookRow,
  insertBookRows,
  readBookTables,
  sourceKeysInBook,
  type BookCounts,
} from "@/db/book";
import { clearDemoMarks } from "@/db/demo";
import { listExchangeRates } from "@/db/exchange-rates";
import { rateInForce } from "@/lib/exchange-rates";
import { listServices } from "@/db/services";
import { getSettings, saveSettings } from "@/db/settings";
import { listTemplates } from "@/db/templates";
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportFile, type ExportFile, type ImportMode } from "@/lib/export-schema";
import { RATES_SINCE, ratesOf } from "@/lib/rates";
import type { FieldErrors } from "@/lib/schemas";
import { backupDatabase } from "./backups";
import { mergeProposals } from "./book-proposals";

export { bookCounts, type BookCounts };

export function exportBook(db: DB, now = new Date()): ExportFile {
  // one read transaction: a consistent snapshot even while other requests write
  return db.transaction((t) => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings: getSettings(t),
    ...readBookTables(t),
  }));
}

export interface ImportResult {
  mode: ImportMode;
  created: BookCounts;
  /** merge: rate-card entries that already existed under the same name, unit and currency */
  reusedServices: number;
  /** merge: rate-card entries renamed because the name was taken by a different unit or currency */
  renamedServices: { from: string; to: string }[];
  /** merge: templates identical to one you already had */
  skippedTemplates: number;
  /** merge: exchange rates you already kept for the same currencies and day (yours stayed) */
  skippedExchangeRates: number;
  /** merge: source keys the book already held, dropped from the rows added */
  droppedSourceKeys: number;
  /** merge: proposals added without their public link (a merged-in book brings no live links) */
  droppedShareLinks: number;
  /** merge: proposals not added because their quote already had one in the book */
  skippedProposals: number;
  settingsReplaced: boolean;
}

function uniqueServiceName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (imported)" : ` (imported ${n})`;
    const name = base.slice(0, 100 - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

/** A history row from 1970-01-01 for each service in `ids` the file gives no history (file ids). */
function ratesFromTheBeginning(file: ExportFile, ids: ReadonlySet<number>) {
  const known = new Set((file.serviceRates ?? []).map((r) => r.serviceId));
  return file.services.filter((s) => ids.has(s.id) && !known.has(s.id)).map((s) => ({ serviceId: s.id, effectiveFrom: RATES_SINCE, ...ratesOf(s) }));
}

/**
 * Import a validated file. One transaction: on any error nothing is changed. IMMEDIATE takes the
 * write lock up front: a deferred transaction that reads and then writes gets SQLITE_BUSY at once
 * (busy_timeout cannot help) when another connection wrote in between.
 */
export function importBook(db: DbOrTx, file: ExportFile, mode: ImportMode): ImportResult {
  return writeTransaction(db, (t) => {
    const created: BookCounts = {
      services: 0, serviceRates: 0, templates: 0, clients: 0, quotes: 0, quoteEvents: 0, interactions: 0, timeEntries: 0, exchangeRates: 0, importBatches: 0, importRows: 0,
      ratePlans: 0, clientRates: 0, todayItemStates: 0, proposals: 0, proposalItems: 0, proposalOptions: 0, proposalOptionItems: 0,
    };
    const result: ImportResult = {
      mode, created, reusedServices: 0, renamedServices: [], skippedTemplates: 0, skippedExchangeRates: 0, droppedSourceKeys: 0, droppedShareLinks: 0, skippedProposals: 0, settingsReplaced: false,
    };
    const timeEntries = file.timeEntries ?? [];
    const exchangeRates = file.exchangeRates ?? [];
    const batches = file.importBatches ?? [];

    if (mode === "replace") {
      clearBook(t);
      clearDemoMarks(t);
      saveSettings(t, file.settings);
      result.settingsReplaced = true;
      insertBookRows(t, "services", file.services);
      const rates = [...(file.serviceRates ?? []), ...ratesFromTheBeginning(file, new Set(file.services.map((s) => s.id)))];
      insertBookRows(t, "serviceRates", rates);
      created.serviceRates = rates.length;
      insertBookRows(t, "templates", file.templates);
      insertBookRows(t, "clients", file.clients.map((c) => ({ ...c, company: c.company ?? null, email: c.email ?? null, notes: c.notes ?? null })));
      insertBookRows(t, "quotes", file.quotes);
      insertBookRows(t, "quoteEvents", file.quoteEvents);
      insertBookRows(t, "interactions", file.interactions);
      insertBookRows(t, "timeEntries", timeEntries);
      insertBookRows(t, "exchangeRates", exchangeRates);
      insertBookRows(t, "importBatches", batches);
      const held = {
        clients: new Set(file.clients.map((c) => c.id)),
        quotes: new Set(file.quotes.map((q) => q.id)),
        time_entries: new Set(timeEntries.map((e) => e.id)),
      };
      const marks = (file.importRows ?? []).filter((r) => held[r.tableName].has(r.rowId));
      insertBookRows(t, "importRows", marks);
      created.timeEntries = timeEntries.length;
      created.exchangeRates = exchangeRates.length;
      created.importBatches = batches.length;
      created.importRows = marks.length;
      for (const table of ["ratePlans", "clientRates", "todayItemStates", "proposals", "proposalItems", "proposalOptions", "proposalOptionItems"] as const) {
        const list = file[table] ?? [];
        insertBookRows(t, table, list);
        created[table] = list.length;
      }
      created.services = file.services.length;
      created.templates = file.templates.length;
      created.clients = file.clients.length;
      created.quotes = file.quotes.length;
      created.quoteEvents = file.quoteEvents.length;
      created.interactions = file.interactions.length;
      return result;
    }

    // merge: your settings stay; everything in the file is added with new ids
    const serviceMap = new Map<number, number>();
    const reused = new Set<number>();
    const existingServices = listServices(t);
    const existingTemplates = listTemplates(t);
    const byName = new Map(existingServices.map((s) => [s.name, s]));
    const taken = new Set(existingServices.map((s) => s.name));
    for (const { id, ...s } of file.services) {
      const same = byName.get(s.name);
      if (same && same.unit === s.unit && same.currency === s.currency) {
        serviceMap.set(id, same.id);
        reused.add(id);
        result.reusedServices++;
        continue;
      }
      const name = taken.has(s.name) ? uniqueServiceName(s.name, taken) : s.name;
      if (name !== s.name) result.renamedServices.push({ from: s.name, to: name });
      taken.add(name);
      serviceMap.set(id, insertBookRow(t, "services", { ...s, name }));
      created.services++;
    }
    // the history of the services added (not of those reused: the book's own rate card stays as it is)
    const added = new Set(file.services.filter((s) => !reused.has(s.id)).map((s) => s.id));
    const rates = [
      ...(file.serviceRates ?? []).filter((r) => added.has(r.serviceId)).map(({ id: _id, ...r }) => r),
      ...ratesFromTheBeginning(file, added),
    ].map((r) => ({ ...r, serviceId: serviceMap.get(r.serviceId)! }));
    insertBookRows(t, "serviceRates", rates);
    created.serviceRates = rates.length;

    const hasDefault = new Set(existingTemplates.filter((x) => x.isDefault).map((x) => x.kind));
    const templateKey = (x: { kind: string; name: string; body: string }) => JSON.stringify([x.kind, x.name, x.body]);
    const knownTemplates = new Set(existingTemplates.map(templateKey));
    for (const { id: _id, ...tpl } of file.templates) {
      if (knownTemplates.has(templateKey(tpl))) {
        result.skippedTemplates++;
        continue;
      }
      // your default stays your default
      const isDefault = tpl.isDefault && !hasDefault.has(tpl.kind);
      if (isDefault) hasDefault.add(tpl.kind);
      insertBookRow(t, "templates", { ...tpl, isDefault });
      knownTemplates.add(templateKey(tpl));
      created.templates++;
    }

    const clientMap = new Map<number, number>();
    for (const { id, ...c } of file.clients) {
      clientMap.set(id, insertBookRow(t, "clients", { ...c, company: c.company ?? null, email: c.email ?? null, notes: c.notes ?? null }));
      created.clients++;
    }

    // exchange rates first: a quote from a book in another currency takes the rate kept in force on its date
    const keptRates = exchangeRateKeys(t);
    for (const { id: _id, ...r } of exchangeRates) {
      const key = `${r.currency}:${r.bookCurrency}:${r.effectiveFrom}`;
      if (keptRates.has(key)) {
        result.skippedExchangeRates++;
        continue;
      }
      insertBookRow(t, "exchangeRates", r);
      keptRates.add(key);
      created.exchangeRates++;
    }
    const book = getSettings(t).currency;
    const sameBook = file.settings.currency === book;
    const myRates = sameBook ? [] : listExchangeRates(t, book);
    const fxRateHere = (q: ExportFile["quotes"][number]): string | null => {
      if (q.currency === book) return null;
      if (sameBook) return q.fxRate;
      return rateInForce(myRates, q.currency, q.decidedOn ?? q.sentOn ?? q.createdAt.slice(0, 10)) ?? null;
    };
    const keys = sourceKeysInBook(t);
    const freshKey = (key: string | null, taken: Set<string>): string | null => {
      if (key == null) return null;
      if (taken.has(key)) {
        result.droppedSourceKeys++;
        return null;
      }
      taken.add(key);
      return key;
    };

    const quoteMap = new Map<number, number>();
    for (const { id, ...qt } of file.quotes) {
      quoteMap.set(
        id,
        insertBookRow(t, "quotes", {
          ...qt,
          clientId: clientMap.get(qt.clientId)!,
          serviceId: qt.serviceId == null ? null : serviceMap.get(qt.serviceId)!,
          fxRate: fxRateHere({ id, ...qt }),
          sourceKey: freshKey(qt.sourceKey, keys.quotes),
        }),
      );
      created.quotes++;
    }

    insertBookRows(t, "quoteEvents", file.quoteEvents.map(({ id: _id, ...e }) => ({ ...e, quoteId: quoteMap.get(e.quoteId)! })));
    created.quoteEvents = file.quoteEvents.length;
    insertBookRows(t, "interactions", file.interactions.map(({ id: _id, ...i }) => ({ ...i, clientId: clientMap.get(i.clientId)!, quoteId: i.quoteId == null ? null : quoteMap.get(i.quoteId)! })));
    created.interactions = file.interactions.length;

    const entryMap = new Map<number, number>();
    for (const { id, ...e } of timeEntries) {
      entryMap.set(id, insertBookRow(t, "timeEntries", { ...e, quoteId: quoteMap.get(e.quoteId)!, sourceKey: freshKey(e.sourceKey, keys.timeEntries) }));
      created.timeEntries++;
    }

    // the file's history imports, on the rows they made as they are now in this book
    const batchMap = new Map<number, number>();
    for (const { id, ...b } of batches) {
      batchMap.set(id, insertBookRow(t, "importBatches", b));
      created.importBatches++;
    }
    const newId = { clients: clientMap, quotes: quoteMap, time_entries: entryMap };
    const marks = (file.importRows ?? []).flatMap((r) => {
      const rowId = newId[r.tableName].get(r.rowId);
      return rowId == null ? [] : [{ batchId: batchMap.get(r.batchId)!, tableName: r.tableName, rowId }];
    });
    insertBookRows(t, "importRows", marks);
    created.importRows = marks.length;

    const planMap = new Map<number, number>();
    for (const { id, ...p } of file.ratePlans ?? []) {
      planMap.set(id, insertBookRow(t, "ratePlans", { ...p, clientId: clientMap.get(p.clientId)!, serviceId: serviceMap.get(p.serviceId)! }));
      created.ratePlans++;
    }
    for (const { id: _id, ...r } of file.clientRates ?? []) {
      insertBookRow(t, "clientRates", {
        ...r,
        clientId: clientMap.get(r.clientId)!,
        serviceId: serviceMap.get(r.serviceId)!,
        ratePlanId: r.ratePlanId == null ? null : (planMap.get(r.ratePlanId) ?? null),
      });
      created.clientRates++;
    }

    mergeProposals(t, file, quoteMap, result);
    return result;
  });
}

/** True when the book has nothing of the user's in it yet (settings aside). */
export function isBookEmpty(db: DbOrTx): boolean {
  const c = bookCounts(db);
  return Object.values(c).every((n) => n === 0);
}


export type SafeImport =
  | { ok: true; result: ImportResult; backup: string | null }
  | { ok: false; message: string; fields: FieldErrors };

/**
 * Untrusted value → validated file → a backup of the current book (when it has anything) → one
 * import transaction. Shared by POST /api/v1/import and the "Your data" page.
 */
export async function importUntrusted(db: DB, value: unknown, mode: ImportMode, backupTo: string): Promise<SafeImport> {
  const parsed = parseExportFile(value);
  if (!parsed.ok) return parsed;
  const backup = isBookEmpty(db) ? null : (await backupDatabase(db.$client, backupTo, "pre-import")).file;
  return { ok: true, result: importBook(db, parsed.file, mode), backup };
}
