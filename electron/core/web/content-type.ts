/** A Content-Type header taken apart: the media type alone, lower-cased, and its charset parameter if any. */
export interface ContentType {
  /** `type/subtype`, lower-cased, without parameters: "text/html". */
  essence: string;
  charset: string | undefined;
}

const token = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * Parses a Content-Type header. A missing header and one that is not `type/subtype` both give undefined: the server
 * did not say, in a way the reader can use, what it sent.
 */
export function parseContentType(header: string | null): ContentType | undefined {
  if (header === null) return undefined;
  const [mediaType = '', ...parameters] = header.split(';');
  const essence = mediaType.trim().toLowerCase();
  const [type, subtype, ...rest] = essence.split('/');
  if (!type || !subtype || rest.length > 0 || !token.test(type) || !token.test(subtype)) return undefined;
  let charset: string | undefined;
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals < 0 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    charset = parameter
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    break;
  }
  return { essence, charset: charset || undefined };
}
