/**
 * The production server (`next start`) on a free port, for tests that need the real thing: crash
 * recovery, concurrency, sign-in, headers. No app imports here, so Playwright specs can use it too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const HAS_BUILD = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
export const NO_BUILD_MESSAGE = "skipped: no production build (.next/BUILD_ID missing) — run `next build` first (scripts/test-all.sh does)";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  port: number;
  proc: ChildProcess;
  output: () => string;
  /** SIGKILL the whole process group: nothing gets to clean up or flush */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startServer(env: Record<string, string>, opts: { port?: number; timeoutMs?: number } = {}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env };
  // the test runner's own settings must not leak into the server
  for (const k of Object.keys(childEnv)) if (k.startsWith("WALKAWAY_") && !(k in env)) delete childEnv[k];
  const proc = spawn(process.execPath, [next, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    env: childEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`next start exited early:\n${out}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-proc.pid!, "SIGKILL");
      throw new Error(`next start did not answer within the timeout:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const signal = async (sig: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        process.kill(-proc.pid!, sig);
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return { url, port, proc, output: () => out, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

export function tempDir(prefix = "walkaway-data-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
