/**
 * What an SVG may not hold to be stored. Images are shown in <img>, where scripts never run and nothing outside the
 * file is loaded, so none of this is a danger there; but a stored SVG outlives the way it is shown today (it may be
 * exported, opened in a browser, inlined), so it should hold nothing that could act or reach out. The checks are
 * deliberately blunt: they read the whole text, comments and CDATA included, and drop an SVG over a harmless match
 * ("on = …" in a text label), because a wrongly dropped figure costs one image and a missed script costs trust.
 * The first pattern that matches is the one named, so the narrower ones come first.
 */
const activeContent: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  { what: 'an entity declaration', pattern: /<!ENTITY/i },
  { what: 'a processing instruction (an external stylesheet)', pattern: /<\?(?!xml\s)/i },
  {
    what: 'a script or an embedded document',
    pattern: /<\s*(?:[\w.-]+:)?(?:script|foreignObject|iframe|embed|object|handler|listener|audio|video)\b/i,
  },
  { what: 'an event handler attribute (onload=, onclick=, …)', pattern: /[\s"'/]on[a-z]+\s*=/i },
  {
    what: 'a link to anything but a place in the file (href not starting with #)',
    pattern: /(?:^|[\s"'/])(?:[\w.-]+:)?href\s*=\s*(?!["']#)/i,
  },
  {
    what: 'an animation that changes a link or a handler',
    pattern: /attributeName\s*=\s*["']\s*(?:(?:[\w.-]+:)?href|on)/i,
  },
  { what: 'a stylesheet import', pattern: /@import/i },
  { what: 'a CSS url() to anything but a place in the file', pattern: /url\s*\(\s*(?!["']?#)/i },
  // CSS escapes can spell url( or @import ("u\72l(") past the two checks above, and SVG drawings have no need of
  // backslashes.
  { what: 'a backslash (a CSS escape)', pattern: /\\/ },
];

/**
 * What active content an SVG's text holds, said in words, or undefined when it holds none: no script, event
 * handler, embedded document, external link or stylesheet, entity declaration or CSS escape. XML character
 * references are decoded first, as the XML parser would before CSS or a URL parser sees the text, so "&#x75;rl("
 * is caught as "url(".
 */
export function findActiveSvgContent(text: string): string | undefined {
  const decoded = decodeXmlReferences(text);
  return activeContent.find(({ pattern }) => pattern.test(decoded))?.what;
}

const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlReferences(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (whole, hex, decimal, name) => {
    if (name) return predefinedEntities[String(name).toLowerCase()] ?? whole;
    const codePoint = Number.parseInt(hex ?? decimal, hex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
