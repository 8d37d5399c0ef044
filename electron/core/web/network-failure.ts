/** What went wrong below HTTP, in the terms a message to the user needs. */
export type NetworkFailure =
  /** DNS says the name does not exist: offline behind a captive resolver, or a mistyped address. */
  | 'name-not-found'
  /** DNS could not be asked or did not answer: usually no network at all. */
  | 'name-lookup-failed'
  /** No route to the host or network: the computer is offline or cut off from it. */
  | 'unreachable'
  /** The host answered, but nothing listens on that port. */
  | 'refused'
  /** The connection opened and then broke before the answer was complete. */
  | 'closed'
  /** The connection, or the answer, took longer than the network stack would wait. */
  | 'timed-out'
  /** The secure connection failed over the server's certificate (expired, self-signed, for another name, …). */
  | 'certificate'
  /** The secure connection failed for another reason (no common protocol, not TLS at all, …). */
  | 'tls'
  /** None of the above: an error without a code the reader knows. */
  | 'unknown';

const failuresByCode: Record<string, NetworkFailure> = {
  ENOTFOUND: 'name-not-found',
  EAI_NONAME: 'name-not-found',
  EAI_AGAIN: 'name-lookup-failed',
  EAI_FAIL: 'name-lookup-failed',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'closed',
  ECONNABORTED: 'closed',
  EPIPE: 'closed',
  UND_ERR_SOCKET: 'closed',
  ETIMEDOUT: 'timed-out',
  UND_ERR_CONNECT_TIMEOUT: 'timed-out',
  UND_ERR_HEADERS_TIMEOUT: 'timed-out',
  UND_ERR_BODY_TIMEOUT: 'timed-out',
  EPROTO: 'tls',
  HOSTNAME_MISMATCH: 'certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate',
};

/** OpenSSL's certificate verification codes (CERT_HAS_EXPIRED, UNABLE_TO_GET_ISSUER_CERT_LOCALLY, …). */
const certificateCode = /^(?:CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$)/;
/** Node's and OpenSSL's other TLS codes (ERR_SSL_WRONG_VERSION_NUMBER, ERR_TLS_HANDSHAKE_TIMEOUT, …). */
const tlsCode = /^ERR_(?:SSL|TLS)_/;

/** How deep a cause chain is followed: real ones are two or three links, and a cycle must not spin forever. */
const maxDepth = 8;

/**
 * Classifies an error thrown by fetch. Undici throws `TypeError: fetch failed` for every network failure and puts
 * the system error in `cause` (sometimes an AggregateError with one error per address tried), so the chain is walked,
 * breadth first, for the first `code` the reader knows.
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
  let layer: unknown[] = [error];
  const seen = new Set<unknown>();
  for (let depth = 0; depth < maxDepth && layer.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of layer) {
      if (typeof item !== 'object' || item === null || seen.has(item)) continue;
      seen.add(item);
      const failure = failureOfCode((item as { code?: unknown }).code);
      if (failure) return failure;
      next.push((item as { cause?: unknown }).cause);
      const errors = (item as { errors?: unknown }).errors;
      if (Array.isArray(errors)) next.push(...errors);
    }
    layer = next;
  }
  return 'unknown';
}

function failureOfCode(code: unknown): NetworkFailure | undefined {
  if (typeof code !== 'string') return undefined;
  if (Object.hasOwn(failuresByCode, code)) return failuresByCode[code];
  if (certificateCode.test(code)) return 'certificate';
  if (tlsCode.test(code)) return 'tls';
  return undefined;
}
