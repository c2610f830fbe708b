import { ESLint } from "eslint";
import { beforeAll, describe, expect, test } from "vitest";

// Architecture boundaries are enforced by `no-restricted-imports` in eslint.config.mjs.
// The paths below need not exist: lintText only needs a filePath that is not ignored.

const RULE = "no-restricted-imports";
let eslint: ESLint;

const TIMEOUT = 60_000;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
}, TIMEOUT);

async function restrictedImportErrors(code: string, filePath: string) {
  // an ignored path would lint to nothing and make an "allowed" case pass vacuously
  expect(await eslint.isPathIgnored(filePath), `${filePath} is ignored by eslint`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === RULE && m.severity === 2);
}

describe("architecture import boundaries", () => {
  test.each([
    ["lib may not import the database layer", "lib/bad.ts", `import { getDb } from "@/db/connection";`],
    ["lib may not import the database layer (relative)", "lib/bad.ts", `import { getDb } from "../db/connection";`],
    ["lib may not use Node built-ins (node:)", "lib/bad.ts", `import fs from "node:fs";`],
    ["lib may not use Node built-ins (bare)", "lib/bad.ts", `import path from "path";`],
    ["lib may not use React", "lib/bad.ts", `import { useState } from "react";`],
    ["lib may not import server use cases", "lib/bad.ts", `import { x } from "@/server/x";`],
    ["lib may not use drizzle", "lib/bad.ts", `import { eq } from "drizzle-orm";`],
    ["components may not import the database layer", "components/x.tsx", `import { listClients } from "@/db/queries";`],
    ["components may not import db types either", "components/x.tsx", `import type { Client } from "@/db/schema";`],
    ["components may not import server values", "components/x.tsx", `import { scoreClient } from "@/server/scores";`],
    ["components may not import server actions (they come as props)", "components/x.tsx", `import { createClientAction } from "@/app/actions/clients";`],
    ["components may not import routes", "components/x.tsx", `import { getDb } from "@/app/_lib/db";`],
    ["a route may not import another route's _lib", "app/actions/x.ts", `import { handler } from "@/app/api/v1/_lib/http";`],
    ["a route may not import another route's _lib (relative)", "app/api/auth/login/route.ts", `import { json } from "../../v1/_lib/http";`],
    ["a route may not call db/ directly", "app/api/v1/clients/route.ts", `import { listClients } from "@/db/clients";`],
    ["an action may not call db/ directly", "app/actions/x.ts", `import { insertClient } from "@/db/clients";`],
    ["db may not import server use cases", "db/x.ts", `import { x } from "@/server/x";`],
    ["server may not import routes", "server/x.ts", `import { x } from "@/app/x";`],
    ["server may not import a route's _lib", "server/x.ts", `import { json } from "@/app/api/v1/_lib/http";`],
  ])("forbidden: %s", async (_name, filePath, code) => {
    const errors = await restrictedImportErrors(code, filePath);
    expect(errors.length, `${filePath}: ${code}`).toBeGreaterThan(0);
  }, TIMEOUT);

  test.each([
    ["lib may import lib", "lib/ok.ts", `import { formatMoney } from "@/lib/money";`],
    ["lib may import lib (relative) and zod", "lib/ok.ts", `import { z } from "zod";\nimport { Domain } from "./domain";`],
    ["server may import the database layer", "server/ok.ts", `import { clients } from "@/db/schema";`],
    ["server may use next server APIs and Node", "server/ok.ts", `import "server-only";\nimport { cookies } from "next/headers";\nimport fs from "node:fs";`],
    ["db may use drizzle and Node", "db/ok.ts", `import { eq } from "drizzle-orm";\nimport path from "node:path";`],
    ["components may import server types", "components/ok.tsx", `import type { X } from "@/server/scores";`],
    ["a route may import its own ancestor's _lib", "app/api/v1/clients/route.ts", `import { json } from "../_lib/http";`],
    ["a route may import its own _lib by alias", "app/api/v1/import/route.ts", `import { json } from "@/app/api/v1/_lib/http";`],
    ["an action may import the actions' own _lib", "app/actions/clients.ts", `import { formAction } from "./_lib/safe-action";`],
    ["a route may import db/ types", "app/api/v1/_lib/http.ts", `import type { DB } from "@/db/connection";`],
    ["tests are unrestricted", "tests/unit/ok.test.ts", `import { getDb } from "@/db/connection";\nimport { state } from "@/server/auth/state";`],
  ])("allowed: %s", async (_name, filePath, code) => {
    const errors = await restrictedImportErrors(code, filePath);
    expect(errors.map((e) => e.message), `${filePath}: ${code}`).toEqual([]);
  }, TIMEOUT);
});
