/**
 * A file's rows read into typed records through the column mapping: time entries (date, client,
 * project, minutes, billable, amount) or past jobs (client, title, date, amount, currency, minutes,
 * status). A cell that cannot be read makes the row a problem {line, field, message}; the other rows
 * stand. Money through lib/money.ts parseMoney in the row's currency; durations to whole minutes. Pure.
 */
import { currencySchema, MAX_MINUTES, MAX_MONEY } from "../schemas";
import { parseMoney } from "../money";
import { MINUTES_IN_A_DAY } from "../time-and-money-schemas";
import type { QuoteStatus } from "../domain";
import type { ResolvedMapping } from "./mapping";
import type { DateFormat, ImportField } from "./presets";
import { currencyInHeader, parseBillable, parseCurrencyCell, parseDay, parseDurationMinutes, parseJobStatus } from "./values";
import { restoreFormula } from "../csv";

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

export interface TimeRecord {
  line: number;
  key: string;
  date: string;
  client: string;
  project: string;
  minutes: number;
  billable: boolean | null;
  /** minor units in `currency`; null when the file has no amount for it (or it is not billable) */
  amount: number | null;
  currency: string;
  note: string | null;
}

export interface JobRecord {
  line: number;
  key: string;
  client: string;
  title: string;
  date: string;
  amount: number;
  currency: string;
  /** the time the job took */
  minutes: number;
  status: QuoteStatus;
}

export interface SourceRow {
  line: number;
  key: string;
  cells: readonly string[];
}

const NAME_MAX = 200;

interface Ctx {
  map: ResolvedMapping;
  dateFormat: DateFormat;
  bookCurrency: string;
}

function cell(row: SourceRow, map: ResolvedMapping, field: ImportField): string {
  const i = map.index[field];
  return i === undefined ? "" : restoreFormula(row.cells[i] ?? "").trim();
}

/** The row's currency: its currency column, else the code in the amount column's header, else the book's. */
function rowCurrency(row: SourceRow, ctx: Ctx, problems: RowProblem[]): string | null {
  const raw = cell(row, ctx.map, "currency");
  const code = raw ? parseCurrencyCell(raw) : (currencyInHeader(ctx.map.column.amount) ?? ctx.bookCurrency);
  const parsed = code ? currencySchema.safeParse(code) : null;
  if (!parsed?.success) {
    problems.push({ line: row.line, field: "currency", message: `"${raw}" is not a currency: use a three-letter code like USD or EUR` });
    return null;
  }
  return parsed.data;
}

/** "$1,200.50", "1.200,50 €", "1200" → minor units; currency signs and codes around the number are ignored. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[A-Za-z$€£¥₹₩₪₫₺₴₦₱฿\u00a0]/g, "").trim();
  if (!cleaned) return null;
  return parseMoney(cleaned, currency);
}

function name(row: SourceRow, ctx: Ctx, field: "client" | "project" | "title", problems: RowProblem[], what: string): string | null {
  const v = cell(row, ctx.map, field).replace(/\s+/g, " ");
  if (!v) {
    problems.push({ line: row.line, field, message: `No ${what} on this row` });
    return null;
  }
  if (v.length > NAME_MAX) {
    problems.push({ line: row.line, field, message: `The ${what} is longer than ${NAME_MAX} characters` });
    return null;
  }
  return v;
}

function day(row: SourceRow, ctx: Ctx, problems: RowProblem[]): string | null {
  const raw = cell(row, ctx.map, "date");
  const d = raw ? parseDay(raw, ctx.dateFormat) : null;
  if (!d) problems.push({ line: row.line, field: "date", message: raw ? `"${raw}" is not a date in the format ${ctx.dateFormat} (between 1970 and 2100)` : "No date on this row" });
  return d;
}

/** Rows of a time tracker's export → time entries, and the rows that cannot be read. */
export function readTimeRows(rows: readonly SourceRow[], ctx: Ctx): { records: TimeRecord[]; problems: RowProblem[] } {
  const records: TimeRecord[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const mine: RowProblem[] = [];
    const date = day(row, ctx, mine);
    const client = name(row, ctx, "client", mine, "client (time with no client cannot count toward anyone's rate)");
    const project = name(row, ctx, "project", mine, "project (it names the quote the time goes on)");
    const rawDuration = cell(row, ctx.map, "duration");
    const minutes = rawDuration ? parseDurationMinutes(rawDuration) : null;
    if (minutes == null) mine.push({ line: row.line, field: "duration", message: rawDuration ? `"${rawDuration}" is not a duration: use hh:mm:ss or decimal hours like 1.5` : "No duration on this row" });
    else if (minutes < 1) mine.push({ line: row.line, field: "duration", message: "Shorter than a minute: nothing to log" });
    else if (minutes > MINUTES_IN_A_DAY) mine.push({ line: row.line, field: "duration", message: `${rawDuration} is more than the 24 hours of one day: split it by day in the time tracker` });
    const billable = parseBillable(cell(row, ctx.map, "billable"));
    const currency = rowCurrency(row, ctx, mine);
    let amount: number | null = null;
    const rawAmount = cell(row, ctx.map, "amount");
    if (rawAmount && currency && billable !== false) {
      amount = parseAmount(rawAmount, currency);
      if (amount == null || amount < 0 || amount > MAX_MONEY) {
        mine.push({ line: row.line, field: "amount", message: `"${rawAmount}" is not an amount in ${currency}` });
        amount = null;
      } else if (amount === 0) amount = null;
    }
    // a time entry's note is at most 500 characters (lib/time-and-money-schemas.ts), so an export of it imports back
    const note = cell(row, ctx.map, "note").slice(0, 500) || null;
    if (mine.length || date == null || client == null || project == null || minutes == null || currency == null) {
      problems.push(...mine);
      continue;
    }
    records.push({ line: row.line, key: row.key, date, client, project, minutes, billable, amount, currency, note });
  }
  return { records, problems };
}

/**
 * Rows of a past-jobs sheet → jobs. "Hours" is the time the job took (the sheet's record of it): it
 * becomes the quote's minutes, marked as no estimate of its own, so the job's rate is amount ÷ hours.
 */
export function readJobRows(rows: readonly SourceRow[], ctx: Ctx): { records: JobRecord[]; problems: RowProblem[] } {
  const records: JobRecord[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const mine: RowProblem[] = [];
    const client = name(row, ctx, "client", mine, "client");
    const title = name(row, ctx, "title", mine, "job title");
    const date = day(row, ctx, mine);
    const currency = rowCurrency(row, ctx, mine);
    const rawAmount = cell(row, ctx.map, "amount");
    let amount: number | null = null;
    if (currency) {
      amount = rawAmount ? parseAmount(rawAmount, currency) : null;
      if (amount == null || amount <= 0 || amount > MAX_MONEY) {
        mine.push({ line: row.line, field: "amount", message: rawAmount ? `"${rawAmount}" is not an amount above zero in ${currency}` : "No amount on this row: a job's pay is what it is judged on" });
        amount = null;
      }
    }
    const rawHours = cell(row, ctx.map, "hours");
    const minutes = rawHours ? parseDurationMinutes(rawHours) : null;
    if (minutes == null || minutes < 1 || minutes > MAX_MINUTES)
      mine.push({ line: row.line, field: "hours", message: rawHours ? `"${rawHours}" is not a time above zero: use hours like 12 or 7.5, or hh:mm` : "No hours on this row: the rate of a job is its pay over the time it took" });
    const rawStatus = cell(row, ctx.map, "status");
    const status = parseJobStatus(rawStatus);
    if (!status) mine.push({ line: row.line, field: "status", message: `"${rawStatus}" is not a status: use accepted (or paid, done), rejected, declined_by_me, withdrawn, expired, sent` });
    if (mine.length || client == null || title == null || date == null || currency == null || amount == null || minutes == null || status == null) {
      problems.push(...mine);
      continue;
    }
    records.push({ line: row.line, key: row.key, client, title, date, amount, currency, minutes, status });
  }
  return { records, problems };
}
