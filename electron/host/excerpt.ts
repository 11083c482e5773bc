// What an error may quote from a file the user picked: a short start, with control characters
// escaped, so a message never carries a file's contents (or a terminal escape) along.
const MAX = 80;

export function excerpt(text: string, max = MAX): string {
  let out = '';
  const cut = Math.min(text.length, max);
  for (let i = 0; i < cut; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += text[i];
  }
  return text.length > max ? `${out}…` : out;
}
