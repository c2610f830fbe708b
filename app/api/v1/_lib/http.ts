import "server-only";
import { ZodError, type ZodType } from "zod";
import { readyDb, type DB } from "@/db/connection";
import { ConflictError, InputError, NotFoundError } from "@/db/errors";
import { fieldErrors, type FieldErrors } from "@/lib/schemas";

/** Largest request body accepted (bytes): a whole-book import fits, a flood does not. */
export const MAX_BODY_BYTES = Number(process.env.WALKAWAY_MAX_BODY_BYTES ?? 5 * 1024 * 1024);

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly fields?: FieldErrors) {
    super(message);
  }
}

export function errorResponse(status: number, message: string, fields?: FieldErrors): Response {
  // a 400 always names what is wrong; when no single field is at fault it is the whole body ("_form")
  const f = fields && Object.keys(fields).length ? fields : status === 400 ? { _form: [message] } : undefined;
  return Response.json({ error: { message, ...(f ? { fields: f } : {}) } }, { status });
}

/** Map any thrown error to a JSON answer: known failures are 4xx with field errors, the rest a logged 500. */
export function toResponse(e: unknown): Response {
  if (e instanceof HttpError) return errorResponse(e.status, e.message, e.fields);
  if (e instanceof ZodError) return errorResponse(400, "Invalid input", fieldErrors(e));
  if (e instanceof InputError) return errorResponse(400, e.message, e.fields);
  if (e instanceof ConflictError) return errorResponse(409, e.message, e.fields);
  if (e instanceof NotFoundError) return errorResponse(404, e.message);
  console.error(e);
  return errorResponse(500, "Internal error: nothing was changed.");
}

/** Read a body's bytes after a content-type check, refusing more than MAX_BODY_BYTES (declared or streamed). */
export async function readBodyBytes(req: Request, types: RegExp, expected: string, emptyFields?: FieldErrors): Promise<Buffer> {
  const type = req.headers.get("content-type") ?? "";
  if (!types.test(type)) throw new HttpError(415, `Send ${expected}`);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `Body too large (limit ${MAX_BODY_BYTES} bytes)`);
  const reader = req.body?.getReader();
  if (!reader) throw new HttpError(400, "Empty body", emptyFields);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError(413, `Body too large (limit ${MAX_BODY_BYTES} bytes)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Read a JSON body with a size limit and a content-type check. */
export async function readJson(req: Request): Promise<unknown> {
  const bytes = await readBodyBytes(req, /^application\/([\w.+-]*\+)?json\b/i, "JSON with Content-Type: application/json", { _form: ["Send a JSON object"] });
  const text = bytes.toString("utf8");
  if (!text.trim()) throw new HttpError(400, "Empty body: send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Malformed JSON");
  }
}

/** PATCH: the fields sent, merged over what is stored, validated as a whole. */
export async function parseMerged<S extends ZodType>(req: Request, existing: object, schema: S): Promise<S["_output"]> {
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = schema.safeParse({ ...existing, ...body });
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return parsed.data;
}

export async function parseBody<S extends ZodType>(req: Request, schema: S): Promise<S["_output"]> {
  const body = await readJson(req);
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Send a JSON object");
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, "Invalid input", fieldErrors(parsed.error));
  return parsed.data;
}

/** An id from the path: anything but a positive integer is a 404 (no such resource). */
export function pathId(raw: string, entity: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw new NotFoundError(entity, raw);
  const id = Number(raw);
  if (id <= 0) throw new NotFoundError(entity, raw);
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
