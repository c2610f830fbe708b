/**
 * The whole book in and out: export every table as one versioned document, import one in a single
 * transaction (replace: the file becomes the book, ids kept; merge: added to the book, ids remapped).
 * A file that fails validation never reaches this module (see lib/export-schema.ts).
 */
import { asc, sql } from "drizzle-orm";
import type { DB } from "./connection";
import { clients, interactions, quoteEvents, quotes, services, templates } from "./schema";
import { getSettings, updateSettings } from "./queries";
import { EXPORT_FORMAT, EXPORT_VERSION, parseExportFile, type ExportFile, type ImportMode } from "@/lib/export-schema";
import type { FieldErrors } from "@/lib/schemas";
import { backupDatabase } from "./backup";

export function exportBook(db: DB, now = new Date()): ExportFile {
  // one read transaction: a consistent snapshot even while other requests write
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now.toISOString(),
      settings: getSettings(t),
      services: t.select().from(services).orderBy(asc(services.id)).all(),
      templates: t.select().from(templates).orderBy(asc(templates.id)).all(),
      clients: t.select().from(clients).orderBy(asc(clients.id)).all(),
      quotes: t.select().from(quotes).orderBy(asc(quotes.id)).all(),
      quoteEvents: t.select().from(quoteEvents).orderBy(asc(quoteEvents.id)).all(),
      interactions: t.select().from(interactions).orderBy(asc(interactions.id)).all(),
    };
  });
}

export interface BookCounts {
  services: number;
  templates: number;
  clients: number;
  quotes: number;
  quoteEvents: number;
  interactions: number;
}

export function bookCounts(db: DB): BookCounts {
  const n = (table: typeof clients | typeof services | typeof templates | typeof quotes | typeof quoteEvents | typeof interactions) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  return { services: n(services), templates: n(templates), clients: n(clients), quotes: n(quotes), quoteEvents: n(quoteEvents), interactions: n(interactions) };
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

const CHUNK = 200;
function insertChunks<T>(rows: T[], insert: (chunk: T[]) => void) {
  for (let i = 0; i < rows.length; i += CHUNK) insert(rows.slice(i, i + CHUNK));
}

function uniqueServiceName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (imported)" : ` (imported ${n})`;
    const name = base.slice(0, 100 - suffix.length) + suffix;
    if (!taken.has(name)) return name;
  }
}

/**
 * Import a validated file. One transaction: on any error nothing is changed. IMMEDIATE takes the
 * write lock up front: a deferred transaction that reads and then writes gets SQLITE_BUSY at once
 * (busy_timeout cannot help) when another connection wrote in between.
 */
export function importBook(db: DB, file: ExportFile, mode: ImportMode): ImportResult {
  return db.transaction((tx) => {
    const t = tx as unknown as DB;
    const created: BookCounts = { services: 0, templates: 0, clients: 0, quotes: 0, quoteEvents: 0, interactions: 0 };
    const result: ImportResult = { mode, created, reusedServices: 0, renamedServices: [], skippedTemplates: 0, settingsReplaced: false };

    if (mode === "replace") {
      // children first; the cascades would do it too, but explicit is clearer
      t.delete(interactions).run();
      t.delete(quoteEvents).run();
      t.delete(quotes).run();
      t.delete(clients).run();
      t.delete(templates).run();
      t.delete(services).run();
      updateSettings(t, file.settings);
      result.settingsReplaced = true;
      insertChunks(file.services, (c) => t.insert(services).values(c).run());
      insertChunks(file.templates, (c) => t.insert(templates).values(c).run());
      insertChunks(
        file.clients.map((c) => ({ ...c, company: c.company ?? null, email: c.email ?? null, notes: c.notes ?? null })),
        (c) => t.insert(clients).values(c).run(),
      );
      insertChunks(file.quotes, (c) => t.insert(quotes).values(c).run());
      insertChunks(file.quoteEvents, (c) => t.insert(quoteEvents).values(c).run());
      insertChunks(file.interactions, (c) => t.insert(interactions).values(c).run());
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
    const existingServices = t.select().from(services).all();
    const byName = new Map(existingServices.map((s) => [s.name, s]));
    const taken = new Set(existingServices.map((s) => s.name));
    for (const { id, ...s } of file.services) {
      const same = byName.get(s.name);
      if (same && same.unit === s.unit && same.currency === s.currency) {
        serviceMap.set(id, same.id);
        result.reusedServices++;
        continue;
      }
      const name = taken.has(s.name) ? uniqueServiceName(s.name, taken) : s.name;
      if (name !== s.name) result.renamedServices.push({ from: s.name, to: name });
      taken.add(name);
      const row = t.insert(services).values({ ...s, name }).returning({ id: services.id }).get();
      serviceMap.set(id, row.id);
      created.services++;
    }

    const existingTemplates = t.select().from(templates).all();
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
      t.insert(templates).values({ ...tpl, isDefault }).run();
      knownTemplates.add(templateKey(tpl));
      created.templates++;
    }

    const clientMap = new Map<number, number>();
    for (const { id, ...c } of file.clients) {
      const row = t
        .insert(clients)
        .values({ ...c, company: c.company ?? null, email: c.email ?? null, notes: c.notes ?? null })
        .returning({ id: clients.id })
        .get();
      clientMap.set(id, row.id);
      created.clients++;
    }

    const quoteMap = new Map<number, number>();
    for (const { id, ...qt } of file.quotes) {
      const row = t
        .insert(quotes)
        .values({ ...qt, clientId: clientMap.get(qt.clientId)!, serviceId: qt.serviceId == null ? null : serviceMap.get(qt.serviceId)! })
        .returning({ id: quotes.id })
        .get();
      quoteMap.set(id, row.id);
      created.quotes++;
    }

    insertChunks(
      file.quoteEvents.map(({ id: _id, ...e }) => ({ ...e, quoteId: quoteMap.get(e.quoteId)! })),
      (c) => t.insert(quoteEvents).values(c).run(),
    );
    created.quoteEvents = file.quoteEvents.length;
    insertChunks(
      file.interactions.map(({ id: _id, ...i }) => ({ ...i, clientId: clientMap.get(i.clientId)!, quoteId: i.quoteId == null ? null : quoteMap.get(i.quoteId)! })),
      (c) => t.insert(interactions).values(c).run(),
    );
    created.interactions = file.interactions.length;
    return result;
  }, { behavior: "immediate" });
}

/** True when the book has nothing of the user's in it yet (settings aside). */
export function isBookEmpty(db: DB): boolean {
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
