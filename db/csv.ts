/**
 * CSV per entity for spreadsheets (money as exact decimals in the row's currency), and the client
 * import from CSV: every row parsed by the same zod schema as the client form, previewed before
 * anything is written, written in one transaction.
 */
import { asc, eq } from "drizzle-orm";
import type { DB } from "./connection";
import { clients, interactions, quoteEvents, quotes, services } from "./schema";
import { getSettings } from "./queries";
import { encodeCsv, parseCsv, restoreFormula, CsvParseError, type CsvCell } from "@/lib/csv";
import { fieldErrors, upsertClientSchema, type FieldErrors, type UpsertClient } from "@/lib/schemas";
import { toDecimalString } from "@/lib/money";

export const CSV_ENTITIES = ["clients", "quotes", "events", "interactions"] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

const money = (amount: number | null, currency: string) => (amount == null ? null : toDecimalString(amount, currency));
/** basis points → "15" or "12.5" (exact: integers divided by 100 as text) */
const percent = (bp: number | null) => (bp == null ? null : toDecimalString(bp, "USD").replace(/\.?0+$/, ""));

export function exportCsv(db: DB, entity: CsvEntity): string {
  switch (entity) {
    case "clients": {
      const rows = db.select().from(clients).orderBy(asc(clients.id)).all();
      return encodeCsv(
        ["id", "name", "company", "email", "lead_source", "status", "notes", "created_at", "updated_at"],
        rows.map((c) => [c.id, c.name, c.company, c.email, c.leadSource, c.status, c.notes, c.createdAt, c.updatedAt]),
      );
    }
    case "quotes": {
      const rows = db
        .select({ q: quotes, clientName: clients.name, serviceName: services.name })
        .from(quotes)
        .innerJoin(clients, eq(quotes.clientId, clients.id))
        .leftJoin(services, eq(quotes.serviceId, services.id))
        .orderBy(asc(quotes.id))
        .all();
      return encodeCsv(
        [
          "id", "client_id", "client_name", "service_id", "service_name", "title", "scope", "estimated_minutes", "quoted_amount", "agreed_amount",
          "currency", "status", "sent_on", "decided_on", "rejection_reason", "came_back_at_my_price", "created_at", "updated_at",
        ],
        rows.map(({ q, clientName, serviceName }): CsvCell[] => [
          q.id, q.clientId, clientName, q.serviceId, serviceName, q.title, q.scope, q.estimatedMinutes, money(q.quotedAmount, q.currency), money(q.agreedAmount, q.currency),
          q.currency, q.status, q.sentOn, q.decidedOn, q.rejectionReason, q.cameBackAtMyPrice, q.createdAt, q.updatedAt,
        ]),
      );
    }
    case "events": {
      const rows = db
        .select({ e: quoteEvents, title: quotes.title, currency: quotes.currency, clientId: quotes.clientId, clientName: clients.name })
        .from(quoteEvents)
        .innerJoin(quotes, eq(quoteEvents.quoteId, quotes.id))
        .innerJoin(clients, eq(quotes.clientId, clients.id))
        .orderBy(asc(quoteEvents.id))
        .all();
      return encodeCsv(
        ["id", "quote_id", "quote_title", "client_id", "client_name", "occurred_on", "kind", "answer", "percent_off", "amount", "currency", "scope_minutes", "note", "created_at"],
        rows.map(({ e, title, currency, clientId, clientName }): CsvCell[] => [
          e.id, e.quoteId, title, clientId, clientName, e.occurredOn, e.kind, e.answer, percent(e.percentBp), money(e.amount, currency), currency, e.scopeMinutes, e.note, e.createdAt,
        ]),
      );
    }
    case "interactions": {
      // interaction amounts are in the book's currency (they have no currency of their own)
      const currency = getSettings(db).currency;
      const rows = db
        .select({ i: interactions, clientName: clients.name })
        .from(interactions)
        .innerJoin(clients, eq(interactions.clientId, clients.id))
        .orderBy(asc(interactions.id))
        .all();
      return encodeCsv(
        ["id", "client_id", "client_name", "quote_id", "occurred_on", "kind", "subtype", "minutes", "paid", "answered", "days_late", "amount", "currency", "initiated_by", "note", "created_at"],
        rows.map(({ i, clientName }): CsvCell[] => [
          i.id, i.clientId, clientName, i.quoteId, i.occurredOn, i.kind, i.subtype, i.minutes, i.paid, i.answered, i.daysLate, money(i.amount, currency), i.amount == null ? null : currency, i.initiatedBy, i.note, i.createdAt,
        ]),
      );
    }
  }
}

// ---------------- client import ----------------
export const MAX_CSV_ROWS = 5_000;

const COLUMN_ALIASES: Record<string, keyof UpsertClient> = {
  name: "name",
  clientname: "name",
  client: "name",
  company: "company",
  email: "email",
  emailaddress: "email",
  leadsource: "leadSource",
  source: "leadSource",
  status: "status",
  notes: "notes",
  note: "notes",
};

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[\s_\-.]/g, "");
/** "Cold outreach" → "cold_outreach": the labels a person types, or our own export's values */
const normaliseEnum = (v: string) => v.trim().toLowerCase().replace(/[\s-]+/g, "_");

export interface ClientCsvPreview {
  /** CSV columns mapped to client fields, and the ones ignored */
  columns: { mapped: { column: string; field: string }[]; ignored: string[] };
  valid: { line: number; client: UpsertClient }[];
  errors: { line: number; fields: FieldErrors }[];
  total: number;
}

export class CsvInputError extends Error {
  constructor(message: string, public readonly fields: FieldErrors) {
    super(message);
    this.name = "CsvInputError";
  }
}

/** Parse and validate a clients CSV without writing anything. Throws CsvInputError when the file itself is unusable. */
export function previewClientsCsv(text: string): ClientCsvPreview {
  let parsed;
  try {
    parsed = parseCsv(text, { maxRecords: MAX_CSV_ROWS });
  } catch (e) {
    if (e instanceof CsvParseError) throw new CsvInputError(e.message, { csv: [e.message] });
    throw e;
  }
  if (parsed.header.length === 0) throw new CsvInputError("The CSV is empty: the first line must name the columns, e.g. name,company,email", { csv: ["Empty file"] });
  const mapped: { column: string; field: keyof UpsertClient; index: number }[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  parsed.header.forEach((column, index) => {
    const field = COLUMN_ALIASES[normaliseHeader(column)];
    if (field && !seen.has(field)) {
      mapped.push({ column, field, index });
      seen.add(field);
    } else ignored.push(column);
  });
  if (!seen.has("name")) throw new CsvInputError('The CSV needs a "name" column (the first line names the columns, e.g. name,company,email)', { csv: ['No "name" column'] });
  if (parsed.records.length > MAX_CSV_ROWS) throw new CsvInputError(`At most ${MAX_CSV_ROWS} rows per import`, { csv: [`More than ${MAX_CSV_ROWS} rows`] });

  const valid: ClientCsvPreview["valid"] = [];
  const errors: ClientCsvPreview["errors"] = [];
  for (const record of parsed.records) {
    const input: Record<string, unknown> = {};
    for (const m of mapped) {
      const raw = restoreFormula(record.cells[m.index] ?? "").trim();
      if (raw === "") continue;
      input[m.field] = m.field === "leadSource" || m.field === "status" ? normaliseEnum(raw) : raw;
    }
    const result = upsertClientSchema.safeParse(input);
    if (result.success) valid.push({ line: record.line, client: result.data });
    else errors.push({ line: record.line, fields: fieldErrors(result.error) });
  }
  return { columns: { mapped: mapped.map(({ column, field }) => ({ column, field })), ignored }, valid, errors, total: parsed.records.length };
}

/** Create the previewed clients in one transaction. */
export function importClients(db: DB, rows: UpsertClient[]): number[] {
  return db.transaction((tx) =>
    rows.map(
      (c) =>
        tx
          .insert(clients)
          .values({ ...c, company: c.company ?? null, email: c.email ?? null, notes: c.notes ?? null })
          .returning({ id: clients.id })
          .get().id,
    ),
    // the write lock up front, so a concurrent writer means waiting (busy_timeout), never SQLITE_BUSY
    { behavior: "immediate" },
  );
}

/** Per-row errors as one field map for a 400 body: "rows.<line>.<field>". */
export function rowErrorFields(errors: ClientCsvPreview["errors"]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors.slice(0, 100)) for (const [field, msgs] of Object.entries(e.fields)) out[`rows.${e.line}.${field}`] = msgs;
  if (errors.length > 100) out._more = [`…and ${errors.length - 100} more rows with problems`];
  return out;
}
