/**
 * One cell of an imported file read into a value: a calendar day in the file's date format, a duration
 * in whole minutes, a yes/no, a currency code, a quote status. Pure; each returns null when it cannot read
 * the cell (the caller names the line and field).
 */
import { isDateInBounds } from "../dates";
import { divRound } from "../money";
import { QUOTE_STATUSES, type QuoteStatus } from "../domain";
import type { DateFormat } from "./presets";

const pad = (n: string) => n.padStart(2, "0");

function realDay(y: string, m: string, d: string): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1) return null;
  const daysInMonth = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  if (dd > daysInMonth) return null;
  return isDateInBounds(iso) ? iso : null;
}

/**
 * A day as the file writes it, in the file's format → "YYYY-MM-DD". A time after the day
 * ("2026-03-02 09:00", "2026-03-02T09:00:00Z") is ignored: the day is what the file says it is.
 */
export function parseDay(text: string, format: DateFormat): string | null {
  const t = text.trim().split(/[T ]/)[0] ?? "";
  let m: RegExpExecArray | null;
  switch (format) {
    case "YYYY-MM-DD":
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
      return m ? realDay(m[1], m[2], m[3]) : null;
    case "MM/DD/YYYY":
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
      return m ? realDay(m[3], m[1], m[2]) : null;
    case "DD/MM/YYYY":
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
      return m ? realDay(m[3], m[2], m[1]) : null;
    case "DD.MM.YYYY":
      m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
      return m ? realDay(m[3], m[2], m[1]) : null;
  }
}

/** The date formats a column's first cells fit (to suggest one for a generic file). */
export function formatsThatFit(samples: readonly string[], formats: readonly DateFormat[]): DateFormat[] {
  const cells = samples.map((s) => s.trim()).filter(Boolean);
  if (!cells.length) return [];
  return formats.filter((f) => cells.every((c) => parseDay(c, f) != null));
}

/** Longest a duration cell may say before it is a typo: 10,000 hours. */
const MAX_DURATION_MINUTES = 60 * 10_000;

/**
 * A duration → whole minutes (seconds rounded half up): "01:30:00", "1:30", "70:00:00" (hh:mm[:ss], hours
 * may pass 24), or decimal hours "1.5" / "1,5" / "7". Null when unreadable or negative.
 */
export function parseDurationMinutes(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{1,6}):([0-5]?\d)(?::([0-5]?\d))?$/.exec(t);
  if (m) {
    const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
    const minutes = divRound(seconds, 60);
    return minutes <= MAX_DURATION_MINUTES ? minutes : null;
  }
  m = /^(\d{1,6})(?:[.,](\d{1,6}))?$/.exec(t);
  if (m) {
    const frac = m[2] ?? "";
    // exact: hours as an integer count of 10^-digits, times 60, divided once
    const scaled = Number(m[1] + frac);
    const minutes = divRound(scaled * 60, 10 ** frac.length);
    return minutes <= MAX_DURATION_MINUTES ? minutes : null;
  }
  return null;
}

/** "Yes"/"No", "true"/"false", "1"/"0", "billable"/"non-billable" → boolean; empty or anything else → null. */
export function parseBillable(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (["yes", "y", "true", "1", "billable"].includes(t)) return true;
  if (["no", "n", "false", "0", "non-billable", "not billable", "unbillable"].includes(t)) return false;
  return null;
}

/** A currency cell: "EUR", "eur", "Euro - EUR" (Harvest) → "EUR"; null when there is no three-letter code. */
export function parseCurrencyCell(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const m = /(?:^|[\s\-–(])([A-Za-z]{3})\)?$/.exec(t);
  return m ? m[1].toUpperCase() : null;
}

/** The currency a column's header names in brackets: "Amount (USD)" → "USD"; "Amount ()" → null. */
export function currencyInHeader(column: string | null | undefined): string | null {
  const m = column ? /\(([A-Za-z]{3})\)\s*$/.exec(column) : null;
  return m ? m[1].toUpperCase() : null;
}

const STATUS_WORDS: Record<string, QuoteStatus> = {
  paid: "accepted",
  invoiced: "accepted",
  done: "accepted",
  completed: "accepted",
  complete: "accepted",
  won: "accepted",
  delivered: "accepted",
  closed: "accepted",
  lost: "rejected",
  declined: "rejected",
  cancelled: "withdrawn",
  canceled: "withdrawn",
  pending: "sent",
  open: "sent",
  quoted: "sent",
};

/** A job's status as a spreadsheet says it: our own words ("accepted", "declined by me") or common ones ("paid", "won", "lost"). Empty → accepted (past jobs are done). */
export function parseJobStatus(text: string): QuoteStatus | null {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (!t) return "accepted";
  if ((QUOTE_STATUSES as readonly string[]).includes(t)) return t as QuoteStatus;
  return STATUS_WORDS[t.replace(/_/g, " ")] ?? STATUS_WORDS[t] ?? null;
}
