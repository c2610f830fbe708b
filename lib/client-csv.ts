/**
 * The client import from CSV: every row parsed by the same zod schema as the client form, previewed
 * before anything is written. Pure: text in, valid clients and per-row errors out.
 */
import { CsvParseError, parseCsv, restoreFormula } from "./csv";
import { invalidInput } from "./errors";
import { fieldErrors, upsertClientSchema, type FieldErrors, type UpsertClient } from "./schemas";

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

/** Parse and validate a clients CSV without writing anything. Throws an invalid_input AppError when the file itself is unusable. */
export function previewClientsCsv(text: string): ClientCsvPreview {
  let parsed;
  try {
    parsed = parseCsv(text, { maxRecords: MAX_CSV_ROWS });
  } catch (e) {
    if (e instanceof CsvParseError) throw invalidInput(e.message, { csv: [e.message] });
    throw e;
  }
  if (parsed.header.length === 0) throw invalidInput("The CSV is empty: the first line must name the columns, e.g. name,company,email", { csv: ["Empty file"] });
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
  if (!seen.has("name")) throw invalidInput('The CSV needs a "name" column (the first line names the columns, e.g. name,company,email)', { csv: ['No "name" column'] });
  if (parsed.records.length > MAX_CSV_ROWS) throw invalidInput(`At most ${MAX_CSV_ROWS} rows per import`, { csv: [`More than ${MAX_CSV_ROWS} rows`] });

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

/** Per-row errors as one field map for a 400 body: "rows.<line>.<field>". */
export function rowErrorFields(errors: ClientCsvPreview["errors"]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors.slice(0, 100)) for (const [field, msgs] of Object.entries(e.fields)) out[`rows.${e.line}.${field}`] = msgs;
  if (errors.length > 100) out._more = [`…and ${errors.length - 100} more rows with problems`];
  return out;
}
