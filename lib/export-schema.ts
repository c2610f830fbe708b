/**
 * The whole-book export file: one versioned JSON document, parsed by zod before anything is written.
 * A row is checked exactly as the API checks the same record (lib/export-rows.ts). References must
 * point inside the file, so an
 * import never depends on what the target database holds; a quote priced in a currency other than its
 * service's is refused, as the API refuses it. Problems are named by row: `quotes[3].decidedOn`.
 *
 * `serviceRates` (the rate card's history) came later within version 1: it is optional, and a file
 * without it (or a service without rows in it) gets each service's rates as its history from 1970-01-01.
 *
 * Version 2 (time spent and money in other currencies) adds `timeEntries`, `exchangeRates`,
 * `importBatches` and `importRows` (the history imports, so one can still be undone after a restore),
 * the quotes' `fxRate`, `workDoneOn`, `estimateKnown` and `sourceKey`, and `settings.creepThresholdPct`.
 * A version 1 file still imports: the new lists are optional (none), the new columns take their
 * defaults (no rate, work not marked done, the estimate known, no source key; creep at 20%).
 *
 * Version 3 (Today, payment terms, raises) adds `clientRates`, `ratePlans` and `todayItemStates`, the
 * clients' and quotes' `paymentTermsDays`, and the settings of Today (follow-up days, payment terms,
 * raises). Older files import with none of them (payment not tracked on their quotes) and the defaults.
 *
 * Version 4 (proposals) adds `proposals`, `proposalItems`, `proposalOptions` and `proposalOptionItems`,
 * and `settings.minimumFee` and `settings.businessName`. Older files import with no proposals, no
 * minimum fee and no business name. Each proposal's items and options belong to it: an option includes
 * only its own proposal's items, and the option chosen is one of its own.
 */
import { z } from "@/lib/zod";
import { settingsSchema, type FieldErrors } from "./schemas";
import {
  clientRateRowSchema,
  clientRowSchema,
  exchangeRateRowSchema,
  importBatchRowSchema,
  importRowRowSchema,
  interactionRowSchema,
  proposalItemRowSchema,
  proposalOptionItemRowSchema,
  proposalOptionRowSchema,
  proposalRowSchema,
  quoteEventRowSchema,
  quoteRowSchema,
  ratePlanRowSchema,
  serviceRateRowSchema,
  serviceRowSchema,
  templateRowSchema,
  timeEntryRowSchema,
  timestampSchema,
  todayItemStateRowSchema,
} from "./export-rows";

// each table's row schema lives in lib/export-rows.ts; the ones callers name are re-exported here
export { HISTORY_SOURCES, HISTORY_TABLES, timestampSchema } from "./export-rows";

export const EXPORT_FORMAT = "walkaway-export";
export const EXPORT_VERSION = 4;
/** the versions this Walkaway reads: 1 (before time spent and other currencies), 2 (before Today), 3 (before proposals) and the current one */
export const READABLE_VERSIONS = [1, 2, 3, 4] as const;
/** per table: far above a working life of negotiations, far below what would exhaust memory */
export const MAX_ROWS = 200_000;

const rows = <T extends z.ZodType>(schema: T, what: string) => z.array(schema, { error: `${what} must be a list` }).max(MAX_ROWS, `At most ${MAX_ROWS} ${what}`);

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
    exportedAt: timestampSchema,
    settings: settingsSchema,
    services: rows(serviceRowSchema, "services"),
    // optional: files written before the rate card kept its history have none
    serviceRates: rows(serviceRateRowSchema, "service rates").optional(),
    templates: rows(templateRowSchema, "templates"),
    clients: rows(clientRowSchema, "clients"),
    quotes: rows(quoteRowSchema, "quotes"),
    quoteEvents: rows(quoteEventRowSchema, "negotiation events"),
    interactions: rows(interactionRowSchema, "interactions"),
    // version 2; optional so that version 1 files (which have none) still parse
    timeEntries: rows(timeEntryRowSchema, "time entries").optional(),
    exchangeRates: rows(exchangeRateRowSchema, "exchange rates").optional(),
    importBatches: rows(importBatchRowSchema, "import batches").optional(),
    importRows: rows(importRowRowSchema, "import rows").optional(),
    // version 3; optional so that older files still parse
    ratePlans: rows(ratePlanRowSchema, "rate plans").optional(),
    clientRates: rows(clientRateRowSchema, "client rates").optional(),
    todayItemStates: rows(todayItemStateRowSchema, "Today item states").optional(),
    // version 4; optional so that older files still parse
    proposals: rows(proposalRowSchema, "proposals").optional(),
    proposalItems: rows(proposalItemRowSchema, "proposal items").optional(),
    proposalOptions: rows(proposalOptionRowSchema, "proposal options").optional(),
    proposalOptionItems: rows(proposalOptionItemRowSchema, "proposal option items").optional(),
  })
  .superRefine((f, ctx) => {
    const unique = (list: { id: number }[], table: string) => {
      const seen = new Set<number>();
      list.forEach((r, i) => {
        if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: [table, i, "id"], message: `Duplicate id ${r.id}` });
        seen.add(r.id);
      });
      return seen;
    };
    const serviceIds = unique(f.services, "services");
    if (f.serviceRates) {
      unique(f.serviceRates, "serviceRates");
      const from = new Set<string>();
      f.serviceRates.forEach((r, i) => {
        if (!serviceIds.has(r.serviceId)) ctx.addIssue({ code: "custom", path: ["serviceRates", i, "serviceId"], message: `No service ${r.serviceId} in this file` });
        const key = `${r.serviceId}:${r.effectiveFrom}`;
        if (from.has(key)) ctx.addIssue({ code: "custom", path: ["serviceRates", i, "effectiveFrom"], message: `Service ${r.serviceId} has two rate rows from ${r.effectiveFrom}` });
        from.add(key);
      });
    }
    unique(f.templates, "templates");
    const clientIds = unique(f.clients, "clients");
    const quoteIds = unique(f.quotes, "quotes");
    unique(f.quoteEvents, "quoteEvents");
    unique(f.interactions, "interactions");

    const names = new Set<string>();
    f.services.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: "custom", path: ["services", i, "name"], message: `Two services are named "${s.name}"` });
      names.add(s.name);
    });
    for (const kind of ["decline", "counter"] as const) {
      const defaults = f.templates.filter((t) => t.kind === kind && t.isDefault);
      if (defaults.length > 1) ctx.addIssue({ code: "custom", path: ["templates"], message: `More than one default ${kind} template` });
    }
    const quoteClient = new Map<number, number>();
    f.quotes.forEach((q, i) => {
      quoteClient.set(q.id, q.clientId);
      if (!clientIds.has(q.clientId)) ctx.addIssue({ code: "custom", path: ["quotes", i, "clientId"], message: `No client ${q.clientId} in this file` });
      if (q.serviceId != null && !serviceIds.has(q.serviceId)) ctx.addIssue({ code: "custom", path: ["quotes", i, "serviceId"], message: `No service ${q.serviceId} in this file` });
    });
    f.quoteEvents.forEach((e, i) => {
      if (!quoteIds.has(e.quoteId)) ctx.addIssue({ code: "custom", path: ["quoteEvents", i, "quoteId"], message: `No quote ${e.quoteId} in this file` });
    });
    f.interactions.forEach((it, i) => {
      if (!clientIds.has(it.clientId)) ctx.addIssue({ code: "custom", path: ["interactions", i, "clientId"], message: `No client ${it.clientId} in this file` });
      if (it.quoteId != null && quoteClient.get(it.quoteId) !== it.clientId)
        ctx.addIssue({ code: "custom", path: ["interactions", i, "quoteId"], message: `Quote ${it.quoteId} is not a quote of client ${it.clientId} in this file` });
    });

    // a quote in the book's own currency is counted as it is: it carries no rate
    f.quotes.forEach((q, i) => {
      if (q.currency === f.settings.currency && q.fxRate != null)
        ctx.addIssue({ code: "custom", path: ["quotes", i, "fxRate"], message: `This quote is in the book's currency (${q.currency}): it has no exchange rate` });
    });
    // source keys are unique per table, as the database keeps them
    const uniqueKeys = (list: { sourceKey: string | null }[], table: string) => {
      const keys = new Set<string>();
      list.forEach((r, i) => {
        if (r.sourceKey == null) return;
        if (keys.has(r.sourceKey)) ctx.addIssue({ code: "custom", path: [table, i, "sourceKey"], message: "Two rows have this source key" });
        keys.add(r.sourceKey);
      });
    };
    uniqueKeys(f.quotes, "quotes");
    const timeEntries = f.timeEntries ?? [];
    unique(timeEntries, "timeEntries");
    uniqueKeys(timeEntries, "timeEntries");
    timeEntries.forEach((e, i) => {
      if (!quoteIds.has(e.quoteId)) ctx.addIssue({ code: "custom", path: ["timeEntries", i, "quoteId"], message: `No quote ${e.quoteId} in this file` });
    });
    const rates = f.exchangeRates ?? [];
    unique(rates, "exchangeRates");
    const pairs = new Set<string>();
    rates.forEach((r, i) => {
      const key = `${r.currency}:${r.bookCurrency}:${r.effectiveFrom}`;
      if (pairs.has(key)) ctx.addIssue({ code: "custom", path: ["exchangeRates", i, "effectiveFrom"], message: `Two rates for ${r.currency} in ${r.bookCurrency} from ${r.effectiveFrom}` });
      pairs.add(key);
    });
    const planIds = unique(f.ratePlans ?? [], "ratePlans");
    const refs = (table: "ratePlans" | "clientRates", r: { clientId: number; serviceId: number }, i: number) => {
      if (!clientIds.has(r.clientId)) ctx.addIssue({ code: "custom", path: [table, i, "clientId"], message: `No client ${r.clientId} in this file` });
      if (!serviceIds.has(r.serviceId)) ctx.addIssue({ code: "custom", path: [table, i, "serviceId"], message: `No service ${r.serviceId} in this file` });
    };
    (f.ratePlans ?? []).forEach((p, i) => refs("ratePlans", p, i));
    unique(f.clientRates ?? [], "clientRates");
    const clientRateDays = new Set<string>();
    (f.clientRates ?? []).forEach((r, i) => {
      refs("clientRates", r, i);
      if (r.ratePlanId != null && !planIds.has(r.ratePlanId)) ctx.addIssue({ code: "custom", path: ["clientRates", i, "ratePlanId"], message: `No rate plan ${r.ratePlanId} in this file` });
      const key = `${r.clientId}:${r.serviceId}:${r.effectiveFrom}`;
      if (clientRateDays.has(key)) ctx.addIssue({ code: "custom", path: ["clientRates", i, "effectiveFrom"], message: `Client ${r.clientId} has two rates for service ${r.serviceId} from ${r.effectiveFrom}` });
      clientRateDays.add(key);
    });
    const itemKeys = new Set<string>();
    (f.todayItemStates ?? []).forEach((r, i) => {
      if (itemKeys.has(r.itemKey)) ctx.addIssue({ code: "custom", path: ["todayItemStates", i, "itemKey"], message: `Two states for the item ${r.itemKey}` });
      itemKeys.add(r.itemKey);
    });
    const batchIds = unique(f.importBatches ?? [], "importBatches");
    const marked = new Set<string>();
    (f.importRows ?? []).forEach((r, i) => {
      if (!batchIds.has(r.batchId)) ctx.addIssue({ code: "custom", path: ["importRows", i, "batchId"], message: `No import batch ${r.batchId} in this file` });
      const key = `${r.tableName}:${r.rowId}`;
      if (marked.has(key)) ctx.addIssue({ code: "custom", path: ["importRows", i, "rowId"], message: `Row ${r.rowId} of ${r.tableName} is marked twice` });
      marked.add(key);
    });

    // version 4: each proposal on a quote of the file (one per quote), its items and options its own
    const proposals = f.proposals ?? [];
    const proposalIds = unique(proposals, "proposals");
    unique(f.proposalItems ?? [], "proposalItems");
    unique(f.proposalOptions ?? [], "proposalOptions");
    const proposalOfQuote = new Map<number, number>();
    const tokens = new Set<string>();
    proposals.forEach((p, i) => {
      if (!quoteIds.has(p.quoteId)) ctx.addIssue({ code: "custom", path: ["proposals", i, "quoteId"], message: `No quote ${p.quoteId} in this file` });
      else if (proposalOfQuote.has(p.quoteId)) ctx.addIssue({ code: "custom", path: ["proposals", i, "quoteId"], message: `Quote ${p.quoteId} already has proposal ${proposalOfQuote.get(p.quoteId)}: a quote has one` });
      else proposalOfQuote.set(p.quoteId, p.id);
      if (p.shareToken != null) {
        if (tokens.has(p.shareToken)) ctx.addIssue({ code: "custom", path: ["proposals", i, "shareToken"], message: "Two proposals have this link" });
        tokens.add(p.shareToken);
      }
    });
    const proposalOfItem = new Map<number, number>();
    (f.proposalItems ?? []).forEach((it, i) => {
      proposalOfItem.set(it.id, it.proposalId);
      if (!proposalIds.has(it.proposalId)) ctx.addIssue({ code: "custom", path: ["proposalItems", i, "proposalId"], message: `No proposal ${it.proposalId} in this file` });
    });
    const proposalOfOption = new Map<number, number>();
    const optionNames = new Set<string>();
    (f.proposalOptions ?? []).forEach((o, i) => {
      proposalOfOption.set(o.id, o.proposalId);
      if (!proposalIds.has(o.proposalId)) ctx.addIssue({ code: "custom", path: ["proposalOptions", i, "proposalId"], message: `No proposal ${o.proposalId} in this file` });
      // as the API refuses them: two options of one proposal never share a name, whatever the case
      const key = `${o.proposalId}:${o.name.trim().toLocaleLowerCase()}`;
      if (optionNames.has(key)) ctx.addIssue({ code: "custom", path: ["proposalOptions", i, "name"], message: `Proposal ${o.proposalId} has another option called "${o.name}"` });
      optionNames.add(key);
    });
    const included = new Set<string>();
    const withItems = new Set<number>();
    (f.proposalOptionItems ?? []).forEach((l, i) => {
      const ofOption = proposalOfOption.get(l.optionId);
      const ofItem = proposalOfItem.get(l.itemId);
      if (ofOption == null) ctx.addIssue({ code: "custom", path: ["proposalOptionItems", i, "optionId"], message: `No proposal option ${l.optionId} in this file` });
      if (ofItem == null) ctx.addIssue({ code: "custom", path: ["proposalOptionItems", i, "itemId"], message: `No proposal item ${l.itemId} in this file` });
      else if (ofOption != null && ofItem !== ofOption)
        ctx.addIssue({ code: "custom", path: ["proposalOptionItems", i, "itemId"], message: `Item ${l.itemId} belongs to proposal ${ofItem}, not to option ${l.optionId}'s proposal ${ofOption}` });
      const key = `${l.optionId}:${l.itemId}`;
      if (included.has(key)) ctx.addIssue({ code: "custom", path: ["proposalOptionItems", i, "itemId"], message: `Option ${l.optionId} includes item ${l.itemId} twice` });
      included.add(key);
      withItems.add(l.optionId);
    });
    (f.proposalOptions ?? []).forEach((o, i) => {
      if (!withItems.has(o.id)) ctx.addIssue({ code: "custom", path: ["proposalOptions", i, "id"], message: `Option "${o.name}" includes no item: an option needs at least one` });
    });
    proposals.forEach((p, i) => {
      if (p.chosenOptionId != null && proposalOfOption.get(p.chosenOptionId) !== p.id)
        ctx.addIssue({ code: "custom", path: ["proposals", i, "chosenOptionId"], message: `Option ${p.chosenOptionId} is not an option of this proposal` });
    });
  });

/**
 * What an import also refuses in a version 1 file, beyond the rules every stored row keeps: a quote
 * priced in another currency than its service's (the API refuses to save one; server/quotes.ts
 * checkQuoteRefs), which no book of that version could hold.
 *
 * Not in version 2: a quote in another currency may use a rate card in the book's currency at its own
 * rate, and once the book's currency changes with "keep" (server/currency.ts) that rate card is in
 * neither the quote's currency nor the book's. Such a book must still restore from its own export.
 */
export const importFileSchema = exportFileSchema.superRefine((f, ctx) => {
  if (f.version !== 1) return;
  const serviceCurrency = new Map(f.services.map((s) => [s.id, { name: s.name, currency: s.currency }] as const));
  f.quotes.forEach((q, i) => {
    const service = q.serviceId == null ? undefined : serviceCurrency.get(q.serviceId);
    if (service && service.currency !== q.currency)
      ctx.addIssue({
        code: "custom",
        path: ["quotes", i, "currency"],
        message: `${service.name} is priced in ${service.currency}; this quote is in ${q.currency}. Quote in ${service.currency} or change the rate card`,
      });
  });
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export const importModeSchema = z.enum(["merge", "replace"], { error: "Choose merge (add to your book) or replace (the file becomes your book)" });
export type ImportMode = z.infer<typeof importModeSchema>;

const MAX_REPORTED_ISSUES = 50;

/** A problem's place in the file, as a reader finds it: `quotes[3].decidedOn`, `settings.locale`, `_file` for the whole file. */
export function filePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "_file";
}

/** zod issues → { "quotes[3].decidedOn": [messages] }. */
function fileFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const list = (out[filePath(issue.path)] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

export type ParsedExport = { ok: true; file: ExportFile } | { ok: false; message: string; fields: FieldErrors };

/** Parse an untrusted value as an export file, with one clear message first (not a file / wrong version). */
export function parseExportFile(value: unknown): ParsedExport {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { ok: false, message: "This is not a Walkaway export file: expected a JSON object.", fields: { _file: ["Expected a JSON object"] } };
  const head = value as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT)
    return { ok: false, message: `This is not a Walkaway export file (no "format": "${EXPORT_FORMAT}").`, fields: { format: [`Expected "${EXPORT_FORMAT}"`] } };
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(head.version)) {
    const v = typeof head.version === "number" || typeof head.version === "string" ? String(head.version).slice(0, 20) : "missing";
    return {
      ok: false,
      message: `This file is format version ${v}; this Walkaway reads versions ${READABLE_VERSIONS.slice(0, -1).join(", ")} and ${READABLE_VERSIONS[READABLE_VERSIONS.length - 1]}.${typeof head.version === "number" && head.version > EXPORT_VERSION ? " Update Walkaway to import it." : ""}`,
      fields: { version: [`Expected ${READABLE_VERSIONS.slice(0, -1).join(", ")} or ${READABLE_VERSIONS[READABLE_VERSIONS.length - 1]}`] },
    };
  }
  const parsed = importFileSchema.safeParse(value);
  if (parsed.success) return { ok: true, file: parsed.data };
  const all = fileFieldErrors(parsed.error);
  const keys = Object.keys(all);
  const fields: FieldErrors = Object.fromEntries(keys.slice(0, MAX_REPORTED_ISSUES).map((k) => [k, all[k]]));
  if (keys.length > MAX_REPORTED_ISSUES) fields._more = [`…and ${keys.length - MAX_REPORTED_ISSUES} more problems`];
  const first = keys[0];
  return { ok: false, message: `The file was not imported: ${keys.length} problem${keys.length === 1 ? "" : "s"}, first at ${first}: ${all[first][0]}`, fields };
}
