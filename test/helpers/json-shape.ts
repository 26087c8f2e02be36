// Reads the JSON shapes that `--help` documents, so tests can hold them to the real output.

/**
 * The keys `help` lists for `label`, e.g. "drill" in `drill: { exerciseId, name, bucket (…),
 * decidedAt?, evidence: { … } }`: notes in brackets and nested objects are left out, and a `?`
 * (an optional key) is dropped.
 */
export function documentedKeys(help: string, label: string): string[] {
  const at = help.search(new RegExp(`(^|\\s)${label}\\b[^{\\n]*\\n?\\s*\\{`));
  if (at < 0) throw new Error(`the help documents no shape for "${label}"`);
  let depth = 0;
  let body = '';
  for (const char of help.slice(help.indexOf('{', at))) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 1) body += char;
    if (depth === 0) break;
  }
  return body
    .replace(/\([^()]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(',')
    .map((part) => part.trim().replace(/[?:].*$/s, '').replace(/^"|"$/g, ''))
    .filter(Boolean);
}
