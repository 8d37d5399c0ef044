/** A response body read whole, or the news that it was bigger than allowed. */
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too-large' };

/**
 * Reads a response body of at most `maxBytes`. A Content-Length above the cap is refused before any of the body is
 * read; without one (chunked, or compressed, where the header counts the compressed bytes), reading stops and the
 * body is cancelled as soon as the bytes received pass the cap, so a huge or endless body costs no more than the cap.
 */
export async function readCapped(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, problem: 'too-large' };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, problem: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concatBytes(chunks, total) };
}

function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
