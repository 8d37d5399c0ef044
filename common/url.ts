/**
 * Parsing a URL in the process-neutral layer. The WHATWG URL class is a global of every runtime Marginalia runs in
 * (Node in main, Chromium in the renderer), but common/ compiles with neither's types (tsconfig.common.json), so the
 * part of it used here is declared in this module only: it does not clash with the DOM's or Node's own declaration.
 */
interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
}

declare const URL: new (url: string, base?: string) => ParsedUrl;

/** The parsed URL, or undefined when the text is not one. */
export function parseUrl(text: string, base?: string): ParsedUrl | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}
