import "server-only";
import { HttpError, MAX_BODY_BYTES } from "../../_lib/http";

/** Read a text body (CSV) with the same size limit as JSON bodies. */
export async function readText(req: Request, types: RegExp, expected: string): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  if (!types.test(type)) throw new HttpError(415, `Send ${expected}`);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `Body too large (limit ${MAX_BODY_BYTES} bytes)`);
  const reader = req.body?.getReader();
  if (!reader) throw new HttpError(400, "Empty body", { csv: ["Send the CSV text as the request body"] });
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
  // fatal: bytes that are not UTF-8 are refused rather than silently replaced
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "The file is not UTF-8 text", { csv: ["Save the CSV as UTF-8 and try again"] });
  }
}
