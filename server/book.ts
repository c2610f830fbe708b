/**
 * The whole book in and out: export every table as one versioned document, import one in a single
 * transaction (replace: the file becomes the book, ids kept; merge: added to the book, ids remapped).
 * A file that fails validation never reaches this module (see lib/export-schema.ts).
 *
 * The rate card's history (serviceRates) travels with its services: replace keeps its ids, merge remaps
 * them to the new services (a service reused from the book keeps the book's own history). A service the
 * file gives no history (a file from before the history, or a service without rows) gets its rates as
 * its history from 1970-01-01, as the migration did for the books there were.
 */
import { writeTransaction, type DB, type DbOrTx } from "@/db/connection";
import { bookCounts, clearBook, insertBookRow, insertBookRows, readBookTables, type BookCounts } from "@/db/book";
import { listServices } from "@/db/services";
import { getSettings, saveSettings } from "@/db/settings";
import { listTemplates } from "@/db/templates";
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportFile, type ExportFile, type ImportMode } from "@/lib/export-schema";
import { RATES_SINCE, ratesOf } from "@/lib/rates";
import type { FieldErrors } from "@/lib/schemas";
import { backupDatabase } from "./backups";

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
    const created: BookCounts = { services: 0, serviceRates: 0, templates: 0, clients: 0, quotes: 0, quoteEvents: 0, interactions: 0 };
    const result: ImportResult = { mode, created, reusedServices: 0, renamedServices: [], skippedTemplates: 0, settingsReplaced: false };

    if (mode === "replace") {
      clearBook(t);
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

    const quoteMap = new Map<number, number>();
    for (const { id, ...qt } of file.quotes) {
      quoteMap.set(id, insertBookRow(t, "quotes", { ...qt, clientId: clientMap.get(qt.clientId)!, serviceId: qt.serviceId == null ? null : serviceMap.get(qt.serviceId)! }));
      created.quotes++;
    }

    insertBookRows(t, "quoteEvents", file.quoteEvents.map(({ id: _id, ...e }) => ({ ...e, quoteId: quoteMap.get(e.quoteId)! })));
    created.quoteEvents = file.quoteEvents.length;
    insertBookRows(t, "interactions", file.interactions.map(({ id: _id, ...i }) => ({ ...i, clientId: clientMap.get(i.clientId)!, quoteId: i.quoteId == null ? null : quoteMap.get(i.quoteId)! })));
    created.interactions = file.interactions.length;
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
