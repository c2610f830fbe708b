/** Any thrown value → the AppError it means; unknown failures are logged and become "internal". */
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/schemas";

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return new AppError("invalid_input", "Invalid input", fieldErrors(e));
  console.error(e);
  return new AppError("internal", "Something went wrong: nothing was changed. Please try again.");
}
