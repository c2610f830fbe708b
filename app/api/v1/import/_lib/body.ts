import "server-only";
import { invalidInput } from "@/lib/errors";
import { readBodyBytes } from "../../_lib/http";

/** Read a text body (CSV) with the same size limit as JSON bodies. */
export async function readText(req: Request, types: RegExp, expected: string): Promise<string> {
  const bytes = await readBodyBytes(req, types, expected, { csv: ["Send the CSV text as the request body"] });
  // fatal: bytes that are not UTF-8 are refused rather than silently replaced
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidInput("The file is not UTF-8 text", { csv: ["Save the CSV as UTF-8 and try again"] });
  }
}
