/** A request body read with a size limit, declared or streamed: the bytes, or null when over the limit. */
export async function readLimitedBody(req: Request, limit: number): Promise<Buffer | null> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) return null;
  const reader = req.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
