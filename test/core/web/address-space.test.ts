import { describe, expect, it } from 'vitest';

import {
  addressSpaceOfIp,
  addressSpaceOfPage,
  addressSpaceReached,
  mayReach,
  type ResolveHost,
} from '../../../electron/core/web/address-space.ts';

describe('addressSpaceOfIp', () => {
  it('sorts this computer, the local network and the internet as browsers do', () => {
    const spaces = Object.fromEntries(
      [
        '127.0.0.1',
        '127.8.9.10',
        '0.0.0.0',
        '::1',
        '::',
        '10.1.2.3',
        '172.16.0.1',
        '172.31.255.255',
        '192.168.1.1',
        '169.254.169.254',
        '100.64.0.1',
        'fd12:3456::1',
        'fe80::1',
        '::ffff:192.168.0.10',
        '::ffff:127.0.0.1',
        '172.32.0.1',
        '8.8.8.8',
        '203.0.113.7',
        '2001:4860:4860::8888',
        '::ffff:8.8.4.4',
      ].map((ip) => [ip, addressSpaceOfIp(ip)]),
    );
    expect(spaces).toEqual({
      '127.0.0.1': 'local',
      '127.8.9.10': 'local',
      '0.0.0.0': 'local',
      '::1': 'local',
      '::': 'local',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'private',
      '100.64.0.1': 'private',
      'fd12:3456::1': 'private',
      'fe80::1': 'private',
      '::ffff:192.168.0.10': 'private',
      '::ffff:127.0.0.1': 'local',
      '172.32.0.1': 'public',
      '8.8.8.8': 'public',
      '203.0.113.7': 'public',
      '2001:4860:4860::8888': 'public',
      '::ffff:8.8.4.4': 'public',
    });
  });
});

describe('addressSpaceReached and addressSpaceOfPage', () => {
  const hosts: Record<string, string[]> = {
    'news.test': ['203.0.113.7', '2001:db8::7'],
    'nas.test': ['192.168.1.20'],
    // One address outside, one inside: the inside one decides.
    'split.test': ['203.0.113.8', '10.0.0.8'],
  };
  const resolveHost: ResolveHost = (hostname) =>
    hosts[hostname] ? Promise.resolve(hosts[hostname]) : Promise.reject(new Error(`ENOTFOUND ${hostname}`));
  const spaceOf = (address: string) => addressSpaceReached(new URL(address), { resolveHost });

  it('reads addresses written in the URL, IPv6 in brackets and IPv4 in any spelling the URL parser accepts', async () => {
    expect(await spaceOf('http://[::1]:8080/')).toBe('local');
    expect(await spaceOf('http://[::ffff:10.0.0.1]/')).toBe('private');
    expect(await spaceOf('http://0x7f000001/')).toBe('local');
    expect(await spaceOf('http://2130706433/')).toBe('local');
    expect(await spaceOf('http://192.168.1.1./')).toBe('private');
    expect(await spaceOf('https://8.8.8.8/')).toBe('public');
  });

  it('takes localhost and its subdomains as this computer without asking the resolver', async () => {
    const never: ResolveHost = () => Promise.reject(new Error('asked'));
    expect(await addressSpaceReached(new URL('http://localhost:3000/'), { resolveHost: never })).toBe('local');
    expect(await addressSpaceReached(new URL('http://app.localhost/'), { resolveHost: never })).toBe('local');
    expect(await addressSpaceOfPage(new URL('http://LOCALHOST./'), { resolveHost: never })).toBe('local');
  });

  it('resolves other names: the most private of their addresses wins, and a name that does not resolve is public', async () => {
    expect(await spaceOf('https://news.test/a')).toBe('public');
    expect(await spaceOf('http://nas.test/')).toBe('private');
    expect(await spaceOf('http://split.test/')).toBe('private');
    expect(await spaceOf('http://nowhere.test/')).toBe('public');
  });

  it('trusts a page as the least private of its addresses: one inside address does not make a site inside', async () => {
    // What a request to split.test may reach is inside; what a page from it may ask for is the internet only.
    expect(await addressSpaceOfPage(new URL('http://split.test/'), { resolveHost })).toBe('public');
    expect(await addressSpaceOfPage(new URL('http://nas.test/'), { resolveHost })).toBe('private');
    expect(await addressSpaceOfPage(new URL('http://nowhere.test/'), { resolveHost })).toBe('public');
  });

  it('gives up on a resolver that does not answer when the caller’s deadline passes', async () => {
    const silent: ResolveHost = () => new Promise(() => undefined);
    const signal = AbortSignal.timeout(50);
    await expect(addressSpaceReached(new URL('http://slow.test/'), { resolveHost: silent, signal })).rejects.toThrow();
    expect(signal.aborted).toBe(true);
  });

  it('resolves real names with the system’s resolver by default', async () => {
    expect(await addressSpaceReached(new URL('http://localhost/'))).toBe('local');
  });
});

describe('mayReach', () => {
  it('lets a page ask for addresses at least as public as itself, never more private ones', () => {
    const spaces = ['public', 'private', 'local'] as const;
    const allowed = spaces.flatMap((from) => spaces.filter((to) => mayReach(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'public→public',
      'private→public',
      'private→private',
      'local→public',
      'local→private',
      'local→local',
    ]);
  });
});
