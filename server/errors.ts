/** Any thrown value → the AppError it means; unknown failures are logged and become "internal". */
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/schemas";

/** SQLite's result codes that mean "the write did not happen", in words a self-hoster can act on. */
function sqliteFailure(code: string): AppError | null {
  if (code === "SQLITE_FULL")
    return new AppError("storage_full", "The disk is full: nothing was saved. Free some space (old backups are the usual culprit) and try again.");
  if (code.startsWith("SQLITE_READONLY"))
    return new AppError("unavailable", "The database is read-only for Walkaway: nothing was saved. Check the file's permissions and the disk, then restart.");
  if (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED")
    return new AppError("unavailable", "The database is busy with another writer: nothing was saved. Try again in a moment.");
  if (code.startsWith("SQLITE_IOERR") || code === "SQLITE_CANTOPEN" || code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB")
    return new AppError("unavailable", "The database could not be written (a disk or file problem): nothing was saved. Check the disk, then restart Walkaway.");
  return null;
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return new AppError("invalid_input", "Invalid input", fieldErrors(e));
  // drizzle wraps the driver's error: the SQLite code is on its cause
  const code = (e as { code?: unknown } | null)?.code ?? ((e as { cause?: { code?: unknown } } | null)?.cause?.code);
  if (typeof code === "string" && code.startsWith("SQLITE_")) {
    const mapped = sqliteFailure(code);
    if (mapped) {
      console.error(`[walkaway] write refused: ${code}: ${(e as Error).message}`);
      return mapped;
    }
  }
  console.error(e);
  return new AppError("internal", "Something went wrong: nothing was changed. Please try again.");
}
