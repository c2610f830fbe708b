/**
 * The column mapper: which column of the file fills which field. A preset's columns are the starting
 * point (defaultMapping); the user can change any field, or leave it empty. Pure.
 */
import { columnMatches, fieldsOf, FIELD_LABELS, PRESETS, type ImportField, type ImportKind, type ImportSource } from "./presets";

/** Field → the column's name as the header writes it ("" or absent: not in this file). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** The first header cell that matches one of the names, as the header writes it. */
export function findColumn(header: readonly string[], names: readonly string[] | undefined): string | undefined {
  for (const name of names ?? []) {
    const hit = header.find((h) => columnMatches(h, name));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The preset's columns found in this header. */
export function defaultMapping(source: ImportSource, header: readonly string[]): ColumnMapping {
  const preset = PRESETS[source];
  const out: ColumnMapping = {};
  for (const field of fieldsOf(preset.kind)) {
    const column = findColumn(header, preset.columns[field]);
    if (column !== undefined) out[field] = column;
  }
  return out;
}

export interface ResolvedMapping {
  /** field → column index */
  index: Partial<Record<ImportField, number>>;
  /** field → column name (for a currency in the amount header) */
  column: Partial<Record<ImportField, string>>;
}

/**
 * The user's mapping (or the preset's) checked against the header: every field points at a column the
 * file has, and the fields a row cannot do without are there. Problems are keyed `mapping.<field>`.
 */
export function resolveMapping(kind: ImportKind, source: ImportSource, header: readonly string[], mapping: ColumnMapping | undefined): { ok: true; resolved: ResolvedMapping } | { ok: false; fields: Record<string, string[]> } {
  const chosen: ColumnMapping = mapping ?? defaultMapping(source, header);
  const fields: Record<string, string[]> = {};
  const resolved: ResolvedMapping = { index: {}, column: {} };
  for (const field of fieldsOf(kind)) {
    const name = chosen[field]?.trim();
    if (!name) continue;
    const i = header.findIndex((h) => h === name);
    const j = i >= 0 ? i : header.findIndex((h) => columnMatches(h, name));
    if (j < 0) {
      fields[`mapping.${field}`] = [`The file has no column "${name}": choose one of its columns for ${FIELD_LABELS[field].toLowerCase()}`];
      continue;
    }
    resolved.index[field] = j;
    resolved.column[field] = header[j];
  }
  for (const field of PRESETS[source].required) {
    if (resolved.index[field] === undefined && !fields[`mapping.${field}`])
      fields[`mapping.${field}`] = [`Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}: every row needs one`];
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, resolved };
}
