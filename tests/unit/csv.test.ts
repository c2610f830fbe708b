import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { CsvParseError, encodeCsv, neutraliseFormula, parseCsv, restoreFormula } from "@/lib/csv";

describe("RFC 4180 encoding", () => {
  test("quotes fields with commas, quotes and line breaks; CRLF line endings", () => {
    const csv = encodeCsv(["a", "b"], [["x,y", 'say "hi"'], ["line1\nline2", null], [12, true]]);
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line1\nline2",\r\n12,true\r\n');
  });
  test("spreadsheet formulas are neutralised with a leading apostrophe", () => {
    for (const bad of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=x"]) expect(neutraliseFormula(bad).startsWith("'")).toBe(true);
    expect(neutraliseFormula("Acme")).toBe("Acme");
    const csv = encodeCsv(["name"], [["=cmd|' /C calc'!A0"]]);
    expect(csv.split("\r\n")[1]).toBe("'=cmd|' /C calc'!A0");
    // numbers are numbers, not text: never prefixed
    expect(encodeCsv(["n"], [[-5]]).split("\r\n")[1]).toBe("-5");
  });
  test("restoreFormula undoes only our own prefix", () => {
    expect(restoreFormula("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(restoreFormula("'quoted'")).toBe("'quoted'");
    expect(restoreFormula("O'Brien")).toBe("O'Brien");
  });
});

describe("parsing", () => {
  test("quoted fields, escaped quotes, CRLF and LF, BOM, blank lines", () => {
    const p = parseCsv('\ufeffname,notes\r\n"Acme, Inc","He said ""no""\r\nthen yes"\n\nBeta,\n');
    expect(p.header).toEqual(["name", "notes"]);
    expect(p.records).toEqual([
      { line: 2, cells: ["Acme, Inc", 'He said "no"\r\nthen yes'] },
      { line: 5, cells: ["Beta", ""] },
    ]);
  });
  test("an unterminated quote or text after a closing quote is an error with the line", () => {
    expect(() => parseCsv('name\n"Acme')).toThrow(CsvParseError);
    expect(() => parseCsv('name\n"Acme"x')).toThrow(/Line 2/);
  });
  test("round trip: any table of strings survives encode → parse (after restoring formula prefixes)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r", "=", "+", "-", "@", "'", "é", "😀", "\t") , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const csv = encodeCsv(["h1", "h2"], rows);
        const parsed = parseCsv(csv);
        // a row of two empty cells is still a row (",") — blank lines are only lines with nothing on them
        expect(parsed.records.map((r) => r.cells.map(restoreFormula))).toEqual(rows.map((r) => r.map(restoreFormula)));
        // and every cell a spreadsheet would evaluate is prefixed
        for (const r of parsed.records) for (const c of r.cells) expect(/^[=+\-@\t\r]/.test(c)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
