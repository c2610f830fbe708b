#!/usr/bin/env node
// Start Walkaway: build once if there is no production build, then serve on 127.0.0.1:3000.
// The database is created and migrated by the server itself at start (instrumentation.ts).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const loopback = ["127.0.0.1", "localhost", "::1"].includes(host);

if (!loopback && !process.env.WALKAWAY_PASSWORD) {
  console.error(`Refusing to listen on ${host} without a password: set WALKAWAY_PASSWORD (8+ characters) or keep HOST=127.0.0.1.`);
  process.exit(1);
}

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
const force = process.argv.includes("--rebuild");
if (force || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No production build yet: building (about a minute)…");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [next, "start", "--hostname", host, "--port", port], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
