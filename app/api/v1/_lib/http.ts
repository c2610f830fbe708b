/**
 * The one wrapper of every /api/v1 route: database ready, body read with a size limit and parsed by
 * the entity's zod schema, any error turned into JSON by its code (lib/errors.ts ERROR_STATUS).
 */
import "server-only";
import type { ZodType } from "zod";
import type { DB } from "@/db/connection";
import { AppError, notFound } from "@/lib/errors";
import { errorsForSentNames } from "@/lib/form-input";
import { fieldErrors, renameAliases, type FieldErrors } from "@/lib/schemas";
import { readyDb } from "@/server/database";
import { maxBodyBytes } from "@/server/env";
import { readLimitedBody } from "@/server/request-body";
import { toAppError } from "@/server/errors";

export function errorResponse(status: number, message: string, fields?: FieldErrors): Response {
  // a 400 always names what is wrong; when no single field is at fault it is the whole body ("_form")
  const f = fields && Object.keys(fields).length ? fields : status === 400 ? { _form: [message] } : undefined;
  return Response.json({ error: { message, ...(f ? { fields: f } : {}) } }, { status });
}

/** Map any thrown error to a JSON answer: known failures are 4xx with field errors, the rest a logged 500. */
export function toResponse(e: unknown): Response {
  const err = toAppError(e);
  return errorResponse(err.status, err.code === "internal" ? "Internal error: nothing was changed." : err.message, err.fields);
}

/** Read a body's bytes after a content-type check, refusing more than the body limit (declared or streamed). */
export async function readBodyBytes(req: Request, types: RegExp, expected: string, emptyFields?: FieldErrors): Promise<Buffer> {
  const limit = maxBodyBytes();
  const type = req.headers.get("content-type") ?? "";
  if (!types.test(type)) throw new AppError("unsupported_media_type", `Send ${expected}`);
  const tooLarge = () => new AppError("payload_too_large", `Body too large (limit ${limit} bytes)`);
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (req.body == null) throw new AppError("invalid_input", "Empty body", emptyFields);
  const bytes = await readLimitedBody(req, limit);
  if (bytes == null) throw tooLarge();
  return bytes;
}

/** Read a JSON body with a size limit and a content-type check. */
export async function readJson(req: Request): Promise<unknown> {
  const bytes = await readBodyBytes(req, /^application\/([\w.+-]*\+)?json\b/i, "JSON with Content-Type: application/json", { _form: ["Send a JSON object"] });
  const text = bytes.toString("utf8");
  if (!text.trim()) throw new AppError("invalid_input", "Empty body: send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "Malformed JSON");
  }
}

async function readObject(req: Request): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid_input", "Send a JSON object");
  return body as Record<string, unknown>;
}

/** Parse with `schema`; errors are named as the input named its fields (an old alias included). */
export function parseWith<S extends ZodType>(schema: S, input: object, message = "Invalid input"): S["_output"] {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", message, errorsForSentNames(fieldErrors(parsed.error), input));
  return parsed.data;
}

/** PATCH: the fields sent (old names renamed to stored ones), merged over what is stored, validated as a whole. */
export async function parseMerged<S extends ZodType>(req: Request, existing: object, schema: S): Promise<S["_output"]> {
  const body = await readObject(req);
  const parsed = schema.safeParse({ ...existing, ...(renameAliases(body) as object) });
  if (!parsed.success) throw new AppError("invalid_input", "Invalid input", errorsForSentNames(fieldErrors(parsed.error), body));
  return parsed.data;
}

export async function parseBody<S extends ZodType>(req: Request, schema: S): Promise<S["_output"]> {
  return parseWith(schema, await readObject(req));
}

/** An id from the path: anything but a positive integer is a 404 (no such resource). */
export function pathId(raw: string, entity: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound(entity, raw);
  const id = Number(raw);
  if (id <= 0) throw notFound(entity, raw);
  return id;
}

type Ctx<P> = { params: Promise<P> };

/** Wrap a route handler: database ready, errors mapped, JSON out. */
export function handler<P = Record<string, string>>(fn: (req: Request, db: DB, params: P) => Promise<unknown> | unknown, opts: { status?: number } = {}) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const db = await readyDb();
      const result = await fn(req, db, ctx?.params ? await ctx.params : ({} as P));
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: opts.status ?? 200 });
    } catch (e) {
      return toResponse(e);
    }
  };
}

export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}
