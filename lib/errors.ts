/**
 * The one error type the app throws on purpose, with a code, and the one table that turns a code into
 * an HTTP status. The API wrapper (app/api/v1/_lib/http.ts) and the action wrapper
 * (app/actions/_lib/safe-action.ts) both read it, so a failure means the same thing everywhere.
 */
import type { FieldErrors } from "./schemas";

export const ERROR_STATUS = {
  /** input that does not parse, or does not fit what is stored (a quote id of another client) */
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** clashes with what is stored, e.g. a duplicate name */
  conflict: 409,
  /** was there, is no more: a revoked or expired proposal link */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  /** the database cannot be written now (read-only file, locked too long, I/O error): nothing was saved */
  unavailable: 503,
  /** the disk (or the database's size limit) is full: nothing was saved */
  storage_full: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields: FieldErrors = {},
    /** for not_found: what was looked for, in the product's words ("template") */
    public readonly entity?: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(entity: string, id: number | string): AppError {
  return new AppError("not_found", `No ${entity} with id ${id}`, {}, entity);
}

export function invalidInput(message: string, fields: FieldErrors = {}): AppError {
  return new AppError("invalid_input", message, fields);
}

export function conflict(message: string, fields: FieldErrors = {}): AppError {
  return new AppError("conflict", message, fields);
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
