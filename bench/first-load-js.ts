/**
 * The bench, part 3: first-load JavaScript per page, from the build's manifests (gzip sizes). Pages are
 * found wherever the build put them, route groups included (`.next/server/app/(app)/clients/...`).
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { kib } from "./util";

const NEXT = path.join(process.cwd(), ".next");
const MANIFEST = "page_client-reference-manifest.js";

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}
function readClientManifest(file: string): Record<string, ClientManifest> {
  const ctx: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  ctx.globalThis = ctx;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), ctx);
  return ctx.__RSC_MANIFEST ?? {};
}

export interface BuiltPage {
  /** the URL pattern: "/", "/clients/[id]" (route groups left out) */
  route: string;
  /** the manifest's key: "/(app)/clients/[id]/page" */
  key: string;
  file: string;
}

/** Every page of the build with a client manifest, but the framework's own error pages. */
export function builtPages(): BuiltPage[] {
  const root = path.join(NEXT, "server", "app");
  const out: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === MANIFEST) {
        const rel = path.relative(root, dir).split(path.sep).filter(Boolean);
        if (rel[0] === "_global-error" || rel[0] === "_not-found") continue;
        const route = "/" + rel.filter((s) => !/^\(.*\)$/.test(s)).join("/");
        out.push({ route, key: `/${[...rel, "page"].join("/")}`, file: p });
      }
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** `htmlByRoute`: the served HTML of pages the bench loaded, to cross-check the manifest against the scripts really loaded. */
export function firstLoadJs(htmlByRoute: Map<string, string>) {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const sizes = new Map<string, { raw: number; gzip: number; recharts: boolean }>();
  const sizeOf = (chunk: string) => {
    let v = sizes.get(chunk);
    if (!v) {
      const buf = fs.readFileSync(path.join(NEXT, chunk));
      v = { raw: buf.length, gzip: zlib.gzipSync(buf).length, recharts: buf.includes("recharts-wrapper") };
      sizes.set(chunk, v);
    }
    return v;
  };
  const shared = build.rootMainFiles;
  const sharedGzip = shared.reduce((s, c) => s + sizeOf(c).gzip, 0);
  const sharedRaw = shared.reduce((s, c) => s + sizeOf(c).raw, 0);
  const pages = builtPages().map((p) => {
    const manifest = readClientManifest(p.file)[p.key];
    if (!manifest) throw new Error(`${p.file} has no entry ${p.key}: the build's manifest format changed`);
    const chunks = [...new Set([...shared, ...Object.values(manifest.entryJSFiles ?? {}).flat()])];
    const gzip = chunks.reduce((s, c) => s + sizeOf(c).gzip, 0);
    const rechartsChunks = chunks.filter((c) => sizeOf(c).recharts);
    const html = htmlByRoute.get(p.route);
    const htmlScripts = html ? [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"]+)"/g)].map((m) => m[1]).filter((s) => !build.polyfillFiles.includes(s)) : [];
    return {
      page: p.route,
      chunks: chunks.length,
      rawKiB: kib(chunks.reduce((s, c) => s + sizeOf(c).raw, 0)),
      gzipKiB: kib(gzip),
      pageOnlyGzipKiB: kib(gzip - sharedGzip),
      recharts: rechartsChunks.length > 0,
      rechartsGzipKiB: kib(rechartsChunks.reduce((s, c) => s + sizeOf(c).gzip, 0)),
      htmlChecked: html != null,
      htmlScriptsNotInManifest: htmlScripts.filter((s) => !chunks.includes(s)),
    };
  });
  return { sharedGzipKiB: kib(sharedGzip), sharedRawKiB: kib(sharedRaw), pages };
}
export type FirstLoadJs = ReturnType<typeof firstLoadJs>;
