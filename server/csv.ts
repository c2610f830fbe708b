/**
 * CSV per entity for spreadsheets (money as exact decimals in the row's currency), and the client
 * import from CSV (parsed and previewed by lib/client-csv.ts), written in one transaction.
 */
import { writeTransaction, type DbOrTx } from "@/db/connection";
import { insertClient } from "@/db/clients";
import { clientRows, eventRows, interactionRows, quoteRows, timeEntryRows } from "@/db/csv-rows";
import { getSettings } from "@/db/settings";
import { encodeCsv, type CsvCell } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import type { UpsertClient } from "@/lib/schemas";

export const CSV_ENTITIES = ["clients", "quotes", "events", "interactions", "time-entries"] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

const money = (amount: number | null, currency: string) => (amount == null ? null : toDecimalString(amount, currency));
/** basis points → "15" or "12.5" (exact: integers divided by 100 as text) */
const percent = (bp: number | null) => (bp == null ? null : toDecimalString(bp, "USD").replace(/\.?0+$/, ""));

export function exportCsv(db: DbOrTx, entity: CsvEntity): string {
  switch (entity) {
    case "clients": {
      const rows = clientRows(db);
      return encodeCsv(
        ["id", "name", "company", "email", "lead_source", "status", "notes", "created_at", "updated_at"],
        rows.map((c) => [c.id, c.name, c.company, c.email, c.leadSource, c.status, c.notes, c.createdAt, c.updatedAt]),
      );
    }
    case "quotes": {
      const rows = quoteRows(db);
      return encodeCsv(
        [
          "id", "client_id", "client_name", "service_id", "service_name", "title", "scope", "estimated_minutes", "quoted_amount", "agreed_amount",
          "currency", "status", "sent_on", "decided_on", "rejection_reason", "came_back_at_my_price", "created_at", "updated_at",
          // added with time spent and other currencies: at the end, so a sheet reading the columns above by position still works
          "fx_rate", "work_done_on", "estimate_known", "source_key",
        ],
        rows.map(({ q, clientName, serviceName }): CsvCell[] => [
          q.id, q.clientId, clientName, q.serviceId, serviceName, q.title, q.scope, q.estimatedMinutes, money(q.quotedAmount, q.currency), money(q.agreedAmount, q.currency),
          q.currency, q.status, q.sentOn, q.decidedOn, q.rejectionReason, q.cameBackAtMyPrice, q.createdAt, q.updatedAt,
          q.fxRate, q.workDoneOn, q.estimateKnown, q.sourceKey,
        ]),
      );
    }
    case "events": {
      const rows = eventRows(db);
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
      const rows = interactionRows(db);
      return encodeCsv(
        ["id", "client_id", "client_name", "quote_id", "occurred_on", "kind", "subtype", "minutes", "paid", "answered", "days_late", "amount", "currency", "initiated_by", "note", "created_at"],
        rows.map(({ i, clientName }): CsvCell[] => [
          i.id, i.clientId, clientName, i.quoteId, i.occurredOn, i.kind, i.subtype, i.minutes, i.paid, i.answered, i.daysLate, money(i.amount, currency), i.amount == null ? null : currency, i.initiatedBy, i.note, i.createdAt,
        ]),
      );
    }
    case "time-entries": {
      const rows = timeEntryRows(db);
      return encodeCsv(
        ["id", "quote_id", "quote_title", "client_id", "client_name", "occurred_on", "minutes", "billable", "note", "source_key", "created_at"],
        rows.map(({ e, title, clientId, clientName }): CsvCell[] => [e.id, e.quoteId, title, clientId, clientName, e.occurredOn, e.minutes, e.billable, e.note, e.sourceKey, e.createdAt]),
      );
    }
  }
}

/** Create the previewed clients in one transaction; their new ids. */
export function importClients(db: DbOrTx, rows: UpsertClient[]): number[] {
  return writeTransaction(db, (tx) => rows.map((c) => insertClient(tx, c)));
}
