import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseCsv } from "@/lib/csv";
import { detectPreset } from "@/lib/history-import/detect";
import { groupTimeRecords } from "@/lib/history-import/group";
import { groupKey, hashText, rowKeys } from "@/lib/history-import/keys";
import { defaultMapping, resolveMapping } from "@/lib/history-import/mapping";
import { columnMatches, PRESETS, type DateFormat } from "@/lib/history-import/presets";
import { readImportFile } from "@/lib/history-import/read";
import { parseAmount } from "@/lib/history-import/rows";
import { historyImportSchema } from "@/lib/history-import/schemas";
import { currencyInHeader, formatsThatFit, parseBillable, parseCurrencyCell, parseDay, parseDurationMinutes, parseJobStatus } from "@/lib/history-import/values";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name), "utf8");
const headerOf = (name: string) => parseCsv(fixture(name)).header;

describe("presets and detection", () => {
  test.each([
    ["toggl-detailed.csv", "toggl"],
    ["clockify-detailed.csv", "clockify"],
    ["harvest-time.csv", "harvest"],
    ["past-jobs.csv", "jobs"],
  ])("%s is recognised as %s from its header alone", (file, source) => {
    expect(detectPreset(headerOf(file))?.source).toBe(source);
  });

  test.each([
    [["Date", "Amount"], null],
    [["foo", "bar", "baz"], null],
    // Toggl without its Duration column cannot be Toggl (or anything)
    [["User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date", "Start time", "End date", "End time", "Tags"], null],
    // headers differ in case between Toggl ("Start date") and Clockify ("Start Date"): Clockify's own columns decide
    [["Project", "Client", "Description", "Start Date", "Duration (h)", "Billable Amount (EUR)"], "clockify"],
    [["date", "client", "project", "hours", "billable?", "billable amount", "currency"], "harvest"],
    [["Customer", "Job", "Invoice date", "Total", "Hours"], "jobs"],
  ] as const)("header %j → %s", (header, source) => {
    expect(detectPreset(header)?.source ?? null).toBe(source);
  });

  test.each([
    ["Amount (USD)", "Amount (", true],
    ["Amount ()", "Amount (", true],
    ["amount (eur)", "Amount (", true],
    ["Amount", "Amount (", false],
    ["Billable Amount (USD)", "Amount (", false],
    [" Start date ", "start DATE", true],
  ])("column %j matches %j: %s", (cell, wanted, ok) => expect(columnMatches(cell, wanted)).toBe(ok));

  test("each preset's default mapping finds its required columns in its own sample file", () => {
    for (const [file, source] of [["toggl-detailed.csv", "toggl"], ["clockify-detailed.csv", "clockify"], ["harvest-time.csv", "harvest"], ["past-jobs.csv", "jobs"]] as const) {
      const m = defaultMapping(source, headerOf(file));
      for (const f of PRESETS[source].required) expect(m[f], `${source}.${f}`).toBeTruthy();
    }
    expect(defaultMapping("toggl", headerOf("toggl-detailed.csv")).amount).toBe("Amount (USD)");
    expect(defaultMapping("clockify", headerOf("clockify-detailed.csv")).duration).toBe("Duration (h)");
  });

  test("a mapping naming a column the file lacks, or leaving a required field out, is a field error", () => {
    const header = headerOf("toggl-detailed.csv");
    const r = resolveMapping("time", "toggl", header, { date: "Start date", client: "Customer", project: "Project" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fields["mapping.client"][0]).toMatch(/no column "Customer"/);
      expect(r.fields["mapping.duration"][0]).toMatch(/duration/);
    }
  });
});

describe("cells", () => {
  test.each<[string, DateFormat, string | null]>([
    ["2026-10-05", "YYYY-MM-DD", "2026-10-05"],
    ["2026-1-5", "YYYY-MM-DD", "2026-01-05"],
    ["2026-10-05 09:00:00", "YYYY-MM-DD", "2026-10-05"],
    ["2026-02-29", "YYYY-MM-DD", null],
    ["2028-02-29", "YYYY-MM-DD", "2028-02-29"],
    ["2026-13-01", "YYYY-MM-DD", null],
    ["09/01/2026", "MM/DD/YYYY", "2026-09-01"],
    ["9/1/2026", "MM/DD/YYYY", "2026-09-01"],
    ["13/01/2026", "MM/DD/YYYY", null],
    ["13/01/2026", "DD/MM/YYYY", "2026-01-13"],
    ["31.12.2026", "DD.MM.YYYY", "2026-12-31"],
    ["1969-12-31", "YYYY-MM-DD", null],
    ["09/01/2026", "YYYY-MM-DD", null],
    ["", "YYYY-MM-DD", null],
  ])("day %j in %s → %s", (text, format, day) => expect(parseDay(text, format)).toBe(day));

  test("formats that fit a column's samples", () => {
    expect(formatsThatFit(["09/01/2026", "12/31/2026"], ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY"])).toEqual(["MM/DD/YYYY"]);
    expect(formatsThatFit(["01/02/2026"], ["MM/DD/YYYY", "DD/MM/YYYY"])).toEqual(["MM/DD/YYYY", "DD/MM/YYYY"]);
  });

  test.each<[string, number | null]>([
    ["01:30:00", 90],
    ["1:30", 90],
    ["00:00:29", 0],
    ["00:00:30", 1],
    ["70:00:00", 4200],
    ["10:05:59", 606],
    ["1.5", 90],
    ["1,5", 90],
    ["7", 420],
    ["0.25", 15],
    ["1.28", 77],
    ["0.333333", 20],
    ["-1", null],
    ["1:75", null],
    ["abc", null],
    ["", null],
    ["1000000", null],
  ])("duration %j → %s minutes", (text, minutes) => expect(parseDurationMinutes(text)).toBe(minutes));

  test.each<[string, boolean | null]>([
    ["Yes", true],
    ["no", false],
    ["TRUE", true],
    ["0", false],
    ["", null],
    ["maybe", null],
  ])("billable %j → %s", (text, b) => expect(parseBillable(text)).toBe(b));

  test.each<[string, string | null]>([
    ["USD", "USD"],
    ["eur", "EUR"],
    ["Euro - EUR", "EUR"],
    ["US Dollar - USD", "USD"],
    ["", null],
    ["Dollars", null],
  ])("currency cell %j → %s", (text, code) => expect(parseCurrencyCell(text)).toBe(code));

  test.each<[string, string | null]>([
    ["Amount (USD)", "USD"],
    ["Billable Amount (eur)", "EUR"],
    ["Amount ()", null],
    ["Amount", null],
  ])("currency in header %j → %s", (h, code) => expect(currencyInHeader(h)).toBe(code));

  test.each<[string, string, number | null]>([
    ["1,200.50", "USD", 120050],
    ["$1,200.50", "USD", 120050],
    ["1.200,50 €", "EUR", 120050],
    ["168.75", "USD", 16875],
    ["1200", "JPY", 1200],
    ["12.345", "USD", null],
    ["lots", "USD", null],
  ])("amount %j in %s → %s minor units", (text, cur, minor) => expect(parseAmount(text, cur)).toBe(minor));

  test.each([
    ["", "accepted"],
    ["paid", "accepted"],
    ["Accepted", "accepted"],
    ["declined by me", "declined_by_me"],
    ["Lost", "rejected"],
    ["maybe", null],
  ])("job status %j → %s", (text, status) => expect(parseJobStatus(text)).toBe(status));
});

describe("source keys", () => {
  test("the same rows give the same keys; identical rows get an occurrence index; any change gives another key", () => {
    const rows = [
      ["2026-10-05", "Brightline", "Website rebuild", "00:30:00"],
      ["2026-10-05", "Brightline", "Website rebuild", "00:30:00"],
      ["2026-10-05", "Brightline", "Website rebuild", "00:45:00"],
    ];
    const a = rowKeys("toggl", rows);
    const b = rowKeys("toggl", rows.map((r) => [...r]));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
    expect(a[0].endsWith("#0")).toBe(true);
    expect(a[1].endsWith("#1")).toBe(true);
    expect(a[1].replace(/#1$/, "")).toBe(a[0].replace(/#0$/, ""));
    expect(rowKeys("clockify", rows)[0]).not.toBe(a[0]);
    // surrounding spaces do not make a new row
    expect(rowKeys("toggl", [[" 2026-10-05", "Brightline ", "Website rebuild", "00:30:00"]])[0]).toBe(a[0]);
  });
  test("hash is stable and spreads", () => {
    expect(hashText("abc")).toBe(hashText("abc"));
    expect(hashText("abc")).toMatch(/^[0-9a-f]{16}$/);
    const many = new Set(Array.from({ length: 5000 }, (_, i) => hashText(`row ${i}`)));
    expect(many.size).toBe(5000);
  });
  test("a group's key ignores case and spacing of the names", () => {
    expect(groupKey("toggl", " brightline", "Website  Rebuild")).toBe(groupKey("toggl", "Brightline", "website rebuild"));
    expect(groupKey("toggl", "Brightline", "Website")).not.toBe(groupKey("toggl", "Brightline", "Website rebuild"));
  });
});

describe("reading whole files", () => {
  test("Toggl sample: 13 entries in two groups, amounts and minutes summed exactly", () => {
    const file = readImportFile({ csv: fixture("toggl-detailed.csv") }, "USD");
    expect(file.source).toBe("toggl");
    expect(file.problems).toEqual([]);
    expect(file.time).toHaveLength(13);
    const groups = groupTimeRecords("toggl", file.time);
    expect(groups.map((g) => [g.client, g.project, g.minutes, g.amount, g.currency, g.firstDay, g.lastDay])).toEqual([
      ["Brightline", "Website rebuild", 70 * 60, 685000, "USD", "2026-10-05", "2026-10-14"],
      ["Northwind Books", "Catalogue app", 585, 73125, "USD", "2026-10-15", "2026-10-19"],
    ]);
    expect(new Set(groups[0].records.map((r) => r.date)).size).toBe(8);
    // the non-billable call counts as time, not as money
    const call = file.time.find((r) => r.note?.startsWith("Client call"))!;
    expect([call.billable, call.amount, call.minutes]).toEqual([false, null, 90]);
  });

  test("Clockify sample: US dates read as MM/DD/YYYY; another format can be chosen", () => {
    const file = readImportFile({ csv: fixture("clockify-detailed.csv") }, "EUR");
    expect(file.time[0].date).toBe("2026-09-01");
    expect(file.time[0].currency).toBe("USD");
    const dmy = readImportFile({ csv: fixture("clockify-detailed.csv"), dateFormat: "DD/MM/YYYY" }, "EUR");
    expect(dmy.time[0].date).toBe("2026-01-09");
  });

  test("Harvest sample: decimal hours, the currency column, 'Billable?' flags", () => {
    const file = readImportFile({ csv: fixture("harvest-time.csv") }, "EUR");
    expect(file.problems).toEqual([]);
    expect(file.time.map((r) => r.minutes)).toEqual([390, 435, 225, 90, 30]);
    expect(file.time.every((r) => r.currency === "USD")).toBe(true);
    expect(file.time[4]).toMatchObject({ billable: false, amount: null });
  });

  test("bad rows are problems with their line and field; the other rows stand", () => {
    const toggl = readImportFile({ csv: fixture("toggl-detailed-bad.csv") }, "USD");
    expect(toggl.time.map((r) => r.line)).toEqual([2]);
    expect(toggl.problems).toEqual([{ line: 3, field: "date", message: expect.stringContaining("2026-13-16") }]);
    const jobs = readImportFile({ csv: fixture("past-jobs-bad.csv") }, "USD");
    expect(jobs.jobs).toHaveLength(1);
    expect(jobs.problems).toEqual([{ line: 3, field: "amount", message: expect.stringContaining("lots") }]);
  });

  test.each([
    ["an entry over 24 h", "Date,Client,Project,Hours\n2026-10-01,A,B,25\n", "duration"],
    ["no client", "Date,Client,Project,Hours\n2026-10-01,,B,2\n", "client"],
    ["a currency that is none", "Date,Client,Project,Hours,Currency\n2026-10-01,A,B,2,XYZ1\n", "currency"],
    ["zero minutes", "Date,Client,Project,Hours\n2026-10-01,A,B,0\n", "duration"],
  ])("%s is a row problem", (_name, csv, field) => {
    const file = readImportFile({ csv, source: "harvest" }, "USD");
    expect(file.time).toEqual([]);
    expect(file.problems[0]).toMatchObject({ line: 2, field });
  });

  test.each([
    ["empty", "", "csv"],
    ["header only", "Date,Client,Project,Hours\n", "csv"],
    ["not CSV", 'Date,"Client\n2026', "csv"],
    ["binary", "PK\u0003\u0004\u0000\u0000", "csv"],
    ["unknown columns", "foo,bar\n1,2\n", "source"],
  ])("a file that is %s is refused with a field error", (_name, csv, field) => {
    try {
      readImportFile({ csv }, "USD");
      expect.unreachable();
    } catch (e) {
      expect((e as { fields: Record<string, string[]> }).fields[field]).toBeTruthy();
    }
  });

  test("the input schema keeps dryRun on unless asked, and caps the file's size", () => {
    expect(historyImportSchema.parse({ csv: "a,b\n1,2" }).dryRun).toBe(true);
    expect(historyImportSchema.safeParse({ csv: "x".repeat(2_000_001) }).success).toBe(false);
    expect(historyImportSchema.safeParse({ csv: "   " }).success).toBe(false);
    expect(historyImportSchema.parse({ csv: "a", fxRates: { eur: "1.08" } }).fxRates).toEqual({ EUR: "1.08" });
  });
});
