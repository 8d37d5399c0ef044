import { describe, expect, it } from 'vitest';

import {
  allowedOrigins,
  appEntryUrl,
  appOrigin,
  isAllowedUrl,
  isTrustedSender,
  isWebUrl,
  originOf,
} from '../../electron/main/app-origin.ts';

const production = allowedOrigins(undefined);
const development = allowedOrigins('http://localhost:5173/');

describe('origins', () => {
  it('computes the app scheme origin by hand (URL gives non-special schemes an opaque origin)', () => {
    expect(new URL(appEntryUrl).origin).toBe('null');
    expect(originOf(appEntryUrl)).toBe('app://marginalia');
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
  });

  it('allows only the app origin in production, and the dev server too in development', () => {
    expect(production).toEqual([appOrigin]);
    expect(development).toEqual([appOrigin, 'http://localhost:5173']);
    expect(allowedOrigins('garbage')).toEqual([appOrigin]);
  });

  it('matches whole origins, not prefixes', () => {
    expect(isAllowedUrl('app://marginalia/index.html', production)).toBe(true);
    expect(isAllowedUrl('app://marginalia.evil/index.html', production)).toBe(false);
    expect(isAllowedUrl('app://other/index.html', production)).toBe(false);
    expect(isAllowedUrl('http://localhost:5174/', development)).toBe(false);
    expect(isAllowedUrl('file:///etc/passwd', production)).toBe(false);
  });

  it('sends only http(s) links to the OS browser', () => {
    expect(isWebUrl('https://example.com/a')).toBe(true);
    expect(isWebUrl('http://example.com/a')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://marginalia/',
      'nonsense',
    ]) {
      expect(isWebUrl(url)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of our own page', () => {
    expect(isTrustedSender('app://marginalia/index.html', true, production)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', true, development)).toBe(true);
  });

  it('refuses subframes, other origins, missing URLs and the dev server in production', () => {
    expect(isTrustedSender('app://marginalia/index.html', false, production)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, production)).toBe(false);
    expect(isTrustedSender('about:blank', true, production)).toBe(false);
    expect(isTrustedSender('', true, production)).toBe(false);
    expect(isTrustedSender(undefined, true, production)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, production)).toBe(false);
  });
});
