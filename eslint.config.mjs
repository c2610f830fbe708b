import { readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------------------
// Architecture boundaries (core `no-restricted-imports`).
//   lib/         pure domain: imports only lib/ and pure npm packages (zod…) —
//                no database, server, UI, React/Next, drizzle, sqlite or Node built-ins.
//   db/          data access: lib/, db/, drizzle-orm, better-sqlite3, Node built-ins.
//   server/      use cases: lib/, db/, server/, Node, next/* server APIs, server-only.
//   components/  UI: no db/ at all, server/ for types only, nothing of app/ (actions come as props).
//   app/         routes: call server/ (db/ for types only); a route's private `_lib` belongs to
//                that route's subtree only.
//   tests/, scripts/, bench/ and root files are unrestricted.
// ---------------------------------------------------------------------------

const ROOT = dirname(fileURLToPath(import.meta.url));

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); // for RegExp source
const globEsc = (s) => s.replace(/[[\]{}()*?!+@]/g, "\\$&"); // for minimatch / gitignore

/** Relative specifiers that climb out to a top-level folder: `../db/x`, `../../server`. */
const relTop = (dir) => `^(?:\\./)?(?:\\.\\./)+${esc(dir)}(?:/|$)`;

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith("_"));
const nodeBuiltins = (message) => ({
  regex: `^(?:node:.*|${NODE_BUILTINS.map(esc).join("|")})$`,
  message,
});
const pkgs = (names, message) => ({ regex: `^(?:${names.map(esc).join("|")})(?:/|$)`, message });

const layer = (dir, what, rule) => [
  { group: [`@/${dir}`, `@/${dir}/**`], message: `${what} ${rule}` },
  { regex: relTop(dir), message: `${what} ${rule} (relative import)` },
];

const LIB = "lib/ is the pure domain:";
const DB = "db/ is the data-access layer:";
const SERVER = "server/ holds the use cases:";
const UI = "components/ is the UI layer:";

// lib/, db/, server/ and components/ ban all of app/ (every app/**/_lib included).

// Flat config REPLACES a rule's options when a later block sets it again (no merging),
// so every file must match at most one boundary block: the blocks below are disjoint.
const boundary = (files, patterns, ignores) => ({
  name: `walkaway/boundaries/${files[0]}`,
  files,
  ...(ignores?.length ? { ignores } : {}),
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const layerBlocks = [
  boundary(["lib/**"], [
    ...layer("db", LIB, "it may not import the database layer."),
    ...layer("server", LIB, "it may not import the server use cases."),
    ...layer("app", LIB, "it may not import routes or server actions."),
    ...layer("components", LIB, "it may not import UI components."),
    pkgs(["react", "react-dom", "next"], `${LIB} it may not depend on React or Next.js.`),
    pkgs(["better-sqlite3", "server-only"], `${LIB} it may not depend on SQLite or server-only runtime packages.`),
    { regex: "^drizzle-orm", message: `${LIB} it may not depend on the ORM (drizzle-orm).` },
    nodeBuiltins(`${LIB} it may not use Node built-ins (fs, path, crypto, …); pass values in from db/ or server/.`),
  ]),
  boundary(["db/**"], [
    ...layer("server", DB, "it may not import the server use cases (server/ calls db/, not the reverse)."),
    ...layer("app", DB, "it may not import routes or server actions."),
    ...layer("components", DB, "it may not import UI components."),
    pkgs(["react", "react-dom", "next"], `${DB} it may not depend on React or Next.js.`),
  ]),
  boundary(["server/**"], [
    ...layer("app", SERVER, "it may not import routes or server actions (app/ calls server/, not the reverse)."),
    ...layer("components", SERVER, "it may not import UI components."),
  ]),
  boundary(["components/**"], [
    ...layer("db", UI, "it may not import the database layer, not even its types; go through server/ or app/actions."),
    { group: ["@/server", "@/server/**"], allowTypeImports: true, message: `${UI} it may import server/ only for types (import type …); call use cases through app/actions.` },
    { regex: relTop("server"), allowTypeImports: true, message: `${UI} it may import server/ only for types (import type …); call use cases through app/actions. (relative import)` },
    // app/ imports components/, never the reverse: pages pass data and server actions down as props
    ...layer("app", UI, "it may not import routes or server actions; the page passes them down as props."),
  ]),
];

// --- app/: a route's private `_lib` is visible only inside that route's subtree ---
function findLibParents(dir) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isDirectory() || e.name === "node_modules") continue;
    const child = posix.join(dir, e.name);
    if (e.name === "_lib") out.push(dir);
    else out.push(...findLibParents(child));
  }
  return out;
}

const libParents = findLibParents("app").sort(); // e.g. app, app/api/auth, app/api/v1, app/api/v1/import
const isWithin = (p, ancestor) => p === ancestor || p.startsWith(`${ancestor}/`);
const regions = [...new Set(["app", ...libParents])].sort();

const appBlocks = regions.flatMap((region) => {
  // the subtree of `region`, minus deeper regions (each gets its own block)
  const deeper = regions.filter((r) => r !== region && isWithin(r, region));
  // another route's _lib: its owner is neither this region nor one of its ancestors
  const foreign = libParents.filter((owner) => !isWithin(region, owner));
  const patterns = foreign.flatMap((owner) => {
    const message = `app/ routes: ${owner}/_lib is private to ${owner}/; move shared code to lib/, db/ or server/.`;
    const base = owner.split("/").at(-1);
    return [
      { group: [`@/${globEsc(owner)}/_lib`, `@/${globEsc(owner)}/_lib/**`], message },
      { regex: `^\\.\\.?/(?:.*/)?${esc(base)}/_lib(?:/|$)`, message: `${message} (relative import)` },
    ];
  });
  const dbTypesOnly = [
    { group: ["@/db", "@/db/**"], allowTypeImports: true, message: "app/ routes and actions call server/ use cases; they may import db/ only for types (import type …)." },
    { regex: relTop("db"), allowTypeImports: true, message: "app/ routes and actions call server/ use cases; they may import db/ only for types. (relative import)" },
  ];
  return [boundary([`${globEsc(region)}/**`], [...dbTypesOnly, ...patterns], deeper.map((r) => `${globEsc(r)}/**`))];
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // a leading underscore marks a value destructured away on purpose
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  ...layerBlocks,
  ...appBlocks,
  globalIgnores([".next/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/data/**"]),
]);
