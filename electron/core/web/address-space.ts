import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where an address leads, as browsers' Private Network Access sorts it: this computer (`local`), the user's own
 * network (`private`: the router, a printer, the office intranet), or the internet (`public`). A page may only make
 * the reader ask for addresses at least as public as itself: an article from the web must not be able to send
 * requests to the user's router or to a service on this computer (a GET can change a setting there, or tell the page
 * what runs on this machine), just as a browser tab may not.
 */
export type AddressSpace = 'public' | 'private' | 'local';

/** Every address of a host name; tests pass their own so that made-up names resolve without a DNS server. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

const localAddresses = new BlockList();
localAddresses.addSubnet('127.0.0.0', 8, 'ipv4');
// 0.0.0.0 reaches this computer's own servers on Linux and macOS.
localAddresses.addSubnet('0.0.0.0', 8, 'ipv4');
localAddresses.addAddress('::1', 'ipv6');
localAddresses.addAddress('::', 'ipv6');

const privateAddresses = new BlockList();
privateAddresses.addSubnet('10.0.0.0', 8, 'ipv4');
privateAddresses.addSubnet('172.16.0.0', 12, 'ipv4');
privateAddresses.addSubnet('192.168.0.0', 16, 'ipv4');
privateAddresses.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, where cloud machines answer metadata requests
privateAddresses.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT, also used by VPNs for their own hosts
privateAddresses.addSubnet('fc00::', 7, 'ipv6'); // unique local
privateAddresses.addSubnet('fe80::', 10, 'ipv6'); // link-local

const rank: Record<AddressSpace, number> = { public: 0, private: 1, local: 2 };

/** The space of one IP address (IPv4-mapped IPv6 addresses, `::ffff:10.0.0.1`, as the IPv4 address they carry). */
export function addressSpaceOfIp(address: string): AddressSpace {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (localAddresses.check(ip, family)) return 'local';
  if (privateAddresses.check(ip, family)) return 'private';
  return 'public';
}

/**
 * Where a request to an http(s) URL may land, for deciding whether a page may make the reader ask it: an IP
 * written in it directly; `localhost` and its subdomains without asking (they are this computer by definition,
 * whatever a resolver says); any other name by every address it resolves to, the most private one winning, since
 * the connection may take any of them. A name that does not resolve counts as public: the request itself will fail.
 */
export async function addressSpaceReached(url: URL, options: SpaceOptions = {}): Promise<AddressSpace> {
  return spaceOf(url, options, mostPrivate);
}

/**
 * What a page served from this URL is trusted as, for deciding what it may make the reader ask: the same reading,
 * but the *least* private of a name's addresses winning. Otherwise a site on the internet could list one address
 * inside the user's network among its own and be trusted as if it were inside.
 */
export async function addressSpaceOfPage(url: URL, options: SpaceOptions = {}): Promise<AddressSpace> {
  return spaceOf(url, options, leastPrivate);
}

/**
 * How a name is resolved: `resolveHost` (the system's resolver by default), abandoned when `signal` fires, so the
 * caller's deadline covers the lookup too.
 *
 * The name is resolved again when the request connects, so a name whose answer changes in between (DNS rebinding,
 * with answers that live zero seconds) can still slip through; this guard is for pages that name inside addresses
 * or names that lead inside, which is what an article can do.
 */
export interface SpaceOptions {
  resolveHost?: ResolveHost | undefined;
  signal?: AbortSignal | undefined;
}

async function spaceOf(
  url: URL,
  { resolveHost = resolveWithSystem, signal }: SpaceOptions,
  pick: (a: AddressSpace, b: AddressSpace) => AddressSpace,
): Promise<AddressSpace> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (isIP(hostname)) return addressSpaceOfIp(hostname);
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return 'local';
  let addresses: string[];
  try {
    addresses = await abandonedOn(resolveHost(hostname), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    return 'public';
  }
  const spaces = addresses.map(addressSpaceOfIp);
  return spaces.length === 0 ? 'public' : spaces.reduce(pick);
}

/** `work`, or the signal's reason as soon as it fires. */
function abandonedOn<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function mostPrivate(a: AddressSpace, b: AddressSpace): AddressSpace {
  return rank[a] >= rank[b] ? a : b;
}

function leastPrivate(a: AddressSpace, b: AddressSpace): AddressSpace {
  return rank[a] <= rank[b] ? a : b;
}

/** Whether something in space `from` may make the reader ask for an address in space `to`: never a more private one. */
export function mayReach(from: AddressSpace, to: AddressSpace): boolean {
  return rank[to] <= rank[from];
}
