/**
 * The bytes a data: URL holds (`data:[<media type>][;base64],<data>`), or undefined when it is malformed. The media
 * type it claims is not returned: the bytes say what they are. Percent-escapes are decoded first, then base64 if
 * the URL says so, as the Fetch standard's data: URL processor does.
 */
export function decodeDataUrl(url: string): Uint8Array | undefined {
  if (!/^data:/i.test(url)) return undefined;
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const header = url.slice('data:'.length, comma);
  const body = percentDecode(url.slice(comma + 1));
  if (!/;\s*base64\s*$/i.test(header)) return body;
  // Forgiving base64: whitespace is ignored, padding is optional, anything else that is not base64 is an error.
  const base64 = new TextDecoder('windows-1252').decode(body).replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.replace(/=+$/, '').length % 4 === 1) return undefined;
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** The bytes of a string with its %XX escapes decoded; a "%" not followed by two hex digits stays as it is. */
function percentDecode(text: string): Uint8Array {
  const input = new TextEncoder().encode(text);
  const output = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const escape = input[i] === 0x25 ? String.fromCharCode(input[i + 1] ?? 0, input[i + 2] ?? 0) : '';
    if (/^[0-9a-f]{2}$/i.test(escape)) {
      output[length++] = Number.parseInt(escape, 16);
      i += 2;
    } else {
      output[length++] = input[i] ?? 0;
    }
  }
  return output.subarray(0, length);
}
