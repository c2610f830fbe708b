/**
 * The bench, part 2a: the production server. Build once if needed, start `next start` on a copy of a
 * book (scheduled backups off), sample its memory, stop it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { round } from "./util";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export async function freePort(start: number): Promise<number> {
  for (let p = start; p < start + 100; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(p, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`No free port from ${start}`);
}

/** A production build in .next (made when missing); true when this run built it. */
export async function ensureBuild(): Promise<boolean> {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  for (let attempt = 0; attempt < 3; attempt++) {
    if (fs.existsSync(buildId)) return attempt > 0;
    console.log("No production build (.next/BUILD_ID): building…");
    const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status === 0) return true;
    const out = `${r.stdout}${r.stderr}`;
    if (!/Another next build process is already running/.test(out)) throw new Error(`next build failed:\n${out}`);
    // someone else is building the same .next: wait for their build instead
    console.log("Another build is running: waiting for it (up to 5 min)…");
    const deadline = Date.now() + 300_000;
    while (!fs.existsSync(buildId) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 2000));
  }
  if (!fs.existsSync(buildId)) throw new Error("No production build could be made");
  return true;
}

/** The server's process and its descendants (next start may fork a worker). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  return out;
}
function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
function readCmd(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120);
  } catch {
    return "";
  }
}

/** RSS of the server's process tree, sampled every 100 ms, and the kernel's high-water mark per process. */
export class MemorySampler {
  peakTreeKiB = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly pid: number) {}
  sample() {
    const total = processTree(this.pid).reduce((s, p) => s + statusKiB(p, "VmRSS"), 0);
    this.peakTreeKiB = Math.max(this.peakTreeKiB, total);
    return total;
  }
  start() {
    this.timer = setInterval(() => this.sample(), 100);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
  }
  hwm() {
    return processTree(this.pid).map((pid) => ({ pid, vmHWMKiB: statusKiB(pid, "VmHWM"), cmd: readCmd(pid) }));
  }
}

export interface MemoryFigures {
  idleRssMiB: number;
  peakRssMiB: number;
  vmHWMMiB: { cmd: string; vmHWMMiB: number }[];
  /** the larger of the sampled peak and the sum of the high-water marks: what the target is judged on */
  peakMiB: number;
}
export function memoryFigures(idleKiB: number, sampler: MemorySampler, hwm: ReturnType<MemorySampler["hwm"]>): MemoryFigures {
  const vm = hwm.map((h) => ({ cmd: h.cmd, vmHWMMiB: round(h.vmHWMKiB / 1024, 1) }));
  const peakRssMiB = round(sampler.peakTreeKiB / 1024, 1);
  return { idleRssMiB: round(idleKiB / 1024, 1), peakRssMiB, vmHWMMiB: vm, peakMiB: Math.max(peakRssMiB, round(vm.reduce((s, h) => s + h.vmHWMMiB, 0), 1)) };
}

/** `next start` on 127.0.0.1:port over `file`; backups (scheduled and pre-migration) go to `backupDir`, the schedule off. */
/** The last lines the server printed (to say why it stopped answering). */
const serverLogs = new WeakMap<ChildProcess, () => string>();
export function serverLogTail(child: ChildProcess, lines = 30): string {
  const log = serverLogs.get(child)?.() ?? "";
  return log.split("\n").slice(-lines).join("\n");
}

export async function startServer(file: string, port: number, backupDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WALKAWAY_DB: file,
    WALKAWAY_BACKUP_DIR: backupDir,
    WALKAWAY_BACKUP_EVERY_HOURS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  delete env.WALKAWAY_PASSWORD; // loopback only: no sign-in needed
  delete env.WALKAWAY_API_TOKEN;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-100_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-100_000)));
  serverLogs.set(child, () => log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopServer(child);
  throw new Error(`The server did not answer within 120 s:\n${log}`);
}

/**
 * Wait until the server has scored the day's whole book in the background (server/score-schedule.ts logs
 * "[walkaway] scored N clients for today in X ms"), so the load measures the steady state and not the
 * once-a-day rescore. Its own figure, in ms, or null if it did not say so within `timeoutMs`.
 */
export async function waitForDayScores(child: ChildProcess, timeoutMs = 180_000): Promise<{ clients: number; ms: number } | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode == null) {
    const m = /\[walkaway\] scored (\d+) clients? for today in (\d+) ms/.exec(serverLogs.get(child)?.() ?? "");
    if (m) return { clients: Number(m[1]), ms: Number(m[2]) };
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode != null || child.signalCode != null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
