import { createHash } from 'node:crypto';

/**
 * Marginalia's namespace for name-based UUIDs (RFC 9562, version 5): a fixed, random UUID, so the ids it derives
 * are Marginalia's alone. Changing it would change every derived id.
 */
const namespace = Buffer.from('6d2b9f4e1c7a4e0b8f3d5a9c2e7b1f60', 'hex');

/**
 * A UUID derived from `name` (version 5: SHA-1 of the namespace and the name): the same name gives the same UUID on
 * every run, so an export made twice from the same data names its collection and pages the same way.
 */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
