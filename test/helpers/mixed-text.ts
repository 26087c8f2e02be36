// Long text for the tests of writing UTF-8: parts of every length from 1 to 40,000 characters,
// the same every run, mixing ASCII, accents, dashes, emoji and CJK.

/** Parts adding up to at least `total` characters. */
export function mixedParts(total: number): string[] {
  const alphabet = ['a', 'Z', '\n', 'é', '–', '°', '🦵', '漢'];
  const parts: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let length = 0; length < total; ) {
    let part = '';
    const size = 1 + (next() % 40_000);
    while (part.length < size) part += alphabet[next() % alphabet.length];
    parts.push(part);
    length += part.length;
  }
  return parts;
}
