import type { FieldErrors } from "@/lib/schemas";

/** The thing asked for does not exist (404). */
export class NotFoundError extends Error {
  constructor(public readonly entity: string, public readonly id: number | string) {
    super(`No ${entity} with id ${id}`);
    this.name = "NotFoundError";
  }
}

/** The request clashes with what is stored, e.g. a duplicate name (409). */
export class ConflictError extends Error {
  constructor(message: string, public readonly fields: FieldErrors = {}) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that parsed but does not fit the stored data, e.g. a quote id of another client (400). */
export class InputError extends Error {
  constructor(message: string, public readonly fields: FieldErrors) {
    super(message);
    this.name = "InputError";
  }
}
