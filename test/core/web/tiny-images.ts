import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny real images, one of each stored format. Each decodes in Chromium (checked when they were chosen): the PNG is
 * built here, chunk by chunk; the others are well-known smallest files of their formats (1×1, the AVIF 2×2).
 */
export const tinyImages = {
  png: pngOfSize(0),
  jpeg: fromBase64(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  ),
  gif: fromBase64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'),
  webp: fromBase64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='),
  avif: fromBase64(
    'AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUIAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxpYmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAAB0AAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAABAABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAIAAAACAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgQ0MAAAAABNjb2xybmNseAACAAIAAYAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAACVtZGF0EgAKCBgANogQEAwgMg8f8D///8WfhwB8+ErK42A=',
  ),
  /** An SVG as an editor saves it: XML declaration, comment, DOCTYPE, a gradient used through url(#…) and <use>. */
  svg: new TextEncoder().encode(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Drawn for the harbour article -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4" height="4">',
      '  <style>.wave { stroke: navy; }</style>',
      '  <defs><linearGradient id="sea"><stop offset="0" stop-color="#08c"/></linearGradient>',
      '  <rect id="tile" width="2" height="2"/></defs>',
      '  <rect class="wave" width="4" height="4" fill="url(#sea)"/>',
      '  <use xlink:href="#tile" x="2"/><use href="#tile" y="2"/>',
      '</svg>',
    ].join('\n'),
  ),
};

/** A 1×1 red PNG of exactly `size` bytes, grown by a text chunk; sizes under 90 give the bare 70-byte image. */
export function pngOfSize(size: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ];
  const bare = Buffer.concat(parts).length;
  // A tEXt chunk costs 12 bytes of framing around its keyword, NUL and text.
  if (size > bare) parts.splice(2, 0, pngChunk('tEXt', Buffer.from('Comment\0'.padEnd(size - bare - 12, '.'))));
  return new Uint8Array(Buffer.concat(parts));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const frame = Buffer.alloc(4);
  frame.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([frame, typeAndData, checksum]);
}

function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** A data: URL of bytes, in base64. */
export function base64DataUrl(mediaType: string, bytes: Uint8Array): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}
