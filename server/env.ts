import path from "node:path";
import { z } from "zod";

/** Environment, parsed once: a bad value fails at start with a clear message, not later. */
const envSchema = z.object({
  WALKAWAY_DB: z.string().min(1).optional(),
  WALKAWAY_BACKUP_DIR: z.string().min(1).optional(),
  WALKAWAY_PASSWORD: z.string().min(8, "WALKAWAY_PASSWORD must be at least 8 characters").optional(),
  WALKAWAY_API_TOKEN: z.string().min(16, "WALKAWAY_API_TOKEN must be at least 16 characters").optional(),
  WALKAWAY_SECRET: z.string().min(16).optional(),
  WALKAWAY_MAX_BODY_BYTES: z.coerce.number().int().min(1024, "WALKAWAY_MAX_BODY_BYTES must be at least 1024").optional(),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("WALKAWAY_") && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function databasePath(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.WALKAWAY_DB ?? path.join(process.cwd(), "data", "walkaway.db"));
}

export function backupDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.WALKAWAY_BACKUP_DIR ?? path.join(path.dirname(databasePath(env)), "backups"));
}

/** Largest request body or upload accepted (bytes): a whole-book import fits, a flood does not. */
export function maxBodyBytes(env: Env = readEnv()): number {
  return env.WALKAWAY_MAX_BODY_BYTES ?? 5 * 1024 * 1024;
}
