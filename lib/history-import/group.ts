/**
 * Time entries grouped by what they were spent on: one client's project, which is one quote in the book
 * (matched by its title, or made from the group). Pure.
 */
import { groupKey, nameKey } from "./keys";
import type { ImportSource } from "./presets";
import type { TimeRecord } from "./rows";

export interface TimeGroup {
  key: string;
  /** the names as the group's first row spells them */
  client: string;
  project: string;
  records: TimeRecord[];
  minutes: number;
  /** the billable amounts in the file for the group, in `currency`; 0 when the file has none */
  amount: number;
  /** the group's currency; null when its rows name more than one */
  currency: string | null;
  firstDay: string;
  lastDay: string;
}

export function groupTimeRecords(source: ImportSource, records: readonly TimeRecord[]): TimeGroup[] {
  const groups = new Map<string, TimeGroup>();
  for (const r of records) {
    const id = `${nameKey(r.client)}\u001f${nameKey(r.project)}`;
    let g = groups.get(id);
    if (!g) {
      g = { key: groupKey(source, r.client, r.project), client: r.client, project: r.project, records: [], minutes: 0, amount: 0, currency: r.currency, firstDay: r.date, lastDay: r.date };
      groups.set(id, g);
    }
    g.records.push(r);
    g.minutes += r.minutes;
    if (r.amount != null) g.amount += r.amount;
    if (g.currency !== r.currency) g.currency = null;
    if (r.date < g.firstDay) g.firstDay = r.date;
    if (r.date > g.lastDay) g.lastDay = r.date;
  }
  return [...groups.values()];
}
