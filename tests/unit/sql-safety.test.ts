/**
 * No SQL is built by pasting values into strings. Values reach SQLite as bound parameters: through
 * drizzle's query builder, drizzle's sql`` tag (which turns ${value} into a "?" parameter), or
 * prepare("… ? …").run(value). This scans the app's source for the two ways that rule breaks:
 * an untagged template literal with SQL in it and a ${…} inside, and SQL text joined with "+".
 * sql.raw() is allowed only with a plain string literal. A line may opt out with a comment
 * "sql-safe: <why>" on it or the line above (e.g. a table name from a constant list), so every
 * exception is visible in review.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
// the code that serves requests; scripts/ (benchmarks, one-off tools run by the owner) is not in the request path
const SCANNED = ["db", "server", "app", "lib", "components", "proxy.ts"].map((d) => path.join(ROOT, d));
const SQL_WORDS = /\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO|CREATE\s+(TABLE|INDEX|TRIGGER)|DROP\s+TABLE|ALTER\s+TABLE|PRAGMA|WHERE|ORDER\s+BY)\b/;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Template literals in a source file: their tag (the identifier right before the backtick), raw text and whether they interpolate. */
function templateLiterals(src: string): { tag: string; text: string; interpolates: boolean; index: number }[] {
  const out: { tag: string; text: string; interpolates: boolean; index: number }[] = [];
  let i = 0;
  const skipString = (q: string) => {
    i++;
    while (i < src.length && src[i] !== q) i += src[i] === "\\" ? 2 : 1;
    i++;
  };
  const readTemplate = (): void => {
    const start = i;
    const tag = /([\w$.]+)\s*$/.exec(src.slice(Math.max(0, start - 40), start))?.[1] ?? "";
    let text = "";
    let interpolates = false;
    i++;
    while (i < src.length && src[i] !== "`") {
      if (src[i] === "\\") {
        text += src.slice(i, i + 2);
        i += 2;
      } else if (src[i] === "$" && src[i + 1] === "{") {
        interpolates = true;
        text += "${…}";
        i += 2;
        let depth = 1;
        while (i < src.length && depth > 0) {
          if (src[i] === "`") readTemplate();
          else if (src[i] === '"' || src[i] === "'") skipString(src[i]);
          else {
            if (src[i] === "{") depth++;
            if (src[i] === "}") depth--;
            i++;
          }
        }
      } else text += src[i++];
    }
    i++;
    out.push({ tag, text, interpolates, index: start });
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") while (i < src.length && src[i] !== "\n") i++;
    else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'") skipString(c);
    else if (c === "`") readTemplate();
    else i++;
  }
  return out;
}

export function findUnsafeSql(file: string, src: string): Finding[] {
  const all: Finding[] = [];
  const findings = { push: (f: Finding) => all.push(f) };
  const lineOf = (index: number) => src.slice(0, index).split("\n").length;
  const lines = src.split("\n");
  const optedOut = (line: number) => /sql-safe:/.test(lines[line - 1] ?? "") || /sql-safe:/.test(lines[line - 2] ?? "");
  for (const t of templateLiterals(src)) {
    const tagged = t.tag === "sql" || t.tag.endsWith(".sql");
    if (t.interpolates && !tagged && SQL_WORDS.test(t.text)) findings.push({ file, line: lineOf(t.index), text: t.text.slice(0, 120) });
  }
  for (const m of src.matchAll(/(["'])((?:(?!\1).)*)\1\s*\+/g)) if (SQL_WORDS.test(m[2])) findings.push({ file, line: lineOf(m.index ?? 0), text: m[0].slice(0, 120) });
  for (const m of src.matchAll(/\+\s*(["'])((?:(?!\1).)*)\1/g)) if (SQL_WORDS.test(m[2])) findings.push({ file, line: lineOf(m.index ?? 0), text: m[0].slice(0, 120) });
  for (const m of src.matchAll(/sql\.raw\(\s*([^)]*)\)/g)) if (!/^(["'])[^"'`$]*\1\s*$/.test(m[1])) findings.push({ file, line: lineOf(m.index ?? 0), text: m[0].slice(0, 120) });
  return all.filter((f) => !optedOut(f.line));
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  if (fs.statSync(dir).isFile()) return [...out, dir];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe("SQL is never built from strings", () => {
  test("the scanner catches the mistakes it is for (and accepts the safe forms)", () => {
    const bad = [
      "db.$client.prepare(`SELECT * FROM clients WHERE id = ${id}`).get();",
      "db.$client.exec(`DELETE FROM quotes WHERE client_id = ${clientId}`);",
      'db.$client.prepare("SELECT * FROM clients WHERE name = \'" + name + "\'").all();',
      "db.run(sql.raw(`UPDATE clients SET name = '${name}'`));",
      "const q = `INSERT INTO clients (name) VALUES ('${name}')`;",
    ];
    for (const b of bad) expect(findUnsafeSql("x.ts", b), b).not.toEqual([]);
    const good = [
      "db.select().from(clients).where(sql`${clients.name} LIKE ${pattern} ESCAPE '\\\\'`);",
      'db.$client.prepare("SELECT * FROM clients WHERE id = ?").get(id);',
      "throw new NotFoundError(`No client with id ${id}`);",
      "const where = sql`coalesce(${quotes.decidedOn}, substr(${quotes.createdAt}, 1, 10)) >= ${since}`;",
      'db.$client.pragma("integrity_check");',
    ];
    for (const g of good) expect(findUnsafeSql("x.ts", g), g).toEqual([]);
    expect(findUnsafeSql("x.ts", "// sql-safe: table names come from a constant list\nprepare(`SELECT count(*) FROM ${t}`)")).toEqual([]);
  });

  test("no source file in db/, app/, lib/, components/ or proxy.ts builds SQL from strings", () => {
    const files = SCANNED.flatMap((d) => sourceFiles(d));
    expect(files.some((f) => f.endsWith(path.join("db", "history.ts")))).toBe(true);
    const findings = files.flatMap((f) => findUnsafeSql(path.relative(ROOT, f), fs.readFileSync(f, "utf8")));
    expect(findings, findings.map((f) => `${f.file}:${f.line}: ${f.text}`).join("\n")).toEqual([]);
  });
});
