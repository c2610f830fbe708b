/**
 * CSV, RFC 4180: encode with CRLF and double-quote escaping, parse quoted fields (commas, quotes,
 * line breaks inside). Pure functions, no I/O.
 *
 * Spreadsheet formula injection: a text cell that starts with = + - @ (or a tab / carriage return,
 * which some spreadsheets skip before looking for a formula) is written with a leading ' so a
 * spreadsheet shows it as text instead of running it. Numbers are written as numbers.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefix a text cell that a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undo neutraliseFormula on import: "'=SUM(A1)" came from our own export and means "=SUM(A1)". */
export function restoreFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function encodeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return "";
    return String(cell);
  }
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text with CRLF line endings (RFC 4180), ending with a line break. */
export function encodeCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header.map(encodeCell).join(",")];
  for (const row of rows) lines.push(row.map(encodeCell).join(","));
  return lines.join("\r\n") + "\r\n";
}

export class CsvParseError extends Error {
  constructor(message: string, public readonly line: number) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvParseError";
  }
}

export interface ParsedCsv {
  header: string[];
  /** each record with the (1-based) line it starts on, so errors can point at it */
  records: { line: number; cells: string[] }[];
}

/**
 * Parse CSV text (RFC 4180; LF line endings and a UTF-8 BOM are accepted too).
 * Blank lines are skipped. Throws CsvParseError on an unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string, opts: { maxRecords?: number } = {}): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let cellStarted = false;
  const endRow = () => {
    cells.push(cell);
    // a row with one empty cell is a blank line
    if (!(cells.length === 1 && cells[0] === "" && !cellStarted)) rows.push({ line: rowLine, cells });
    if (opts.maxRecords != null && rows.length > opts.maxRecords + 1) throw new CsvParseError(`More than ${opts.maxRecords} rows`, line);
    cells = [];
    cell = "";
    cellStarted = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") throw new CsvParseError("Unexpected text after a closing quote", line);
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      cellStarted = true;
      i++;
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      cellStarted = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    cellStarted = true;
    i++;
  }
  if (quoted) throw new CsvParseError("A quoted field is never closed", rowLine);
  if (cell !== "" || cells.length || cellStarted) endRow();
  const [head, ...records] = rows;
  return { header: head ? head.cells.map((h) => h.trim()) : [], records };
}
