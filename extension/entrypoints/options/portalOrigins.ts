// Portal origins as the officer types them, one per line: "https://host", "http://host:port", or
// "http://host:*" for any port. A bare host means https; a pasted page address is cut to its origin.
const ORIGIN = /^(https?):\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:(\d{1,5}|\*))?$/;

function originOf(entry: string): string | null {
  const withScheme = /^[a-z]+:\/\//.test(entry) ? entry : `https://${entry}`;
  const anyPort = withScheme.match(/^([a-z]+:\/\/[^/:]+):\*\/?$/);
  if (anyPort) return ORIGIN.test(`${anyPort[1]}:*`) ? `${anyPort[1]}:*` : null;
  let origin: string;
  try {
    origin = new URL(withScheme).origin;
  } catch {
    return null;
  }
  return ORIGIN.test(origin) ? origin : null;
}

export function parsePortalOrigins(text: string): { origins: string[] } | { badEntry: string } {
  const origins: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim().toLowerCase();
    if (entry === '') continue;
    const origin = originOf(entry);
    if (origin === null) return { badEntry: line.trim() };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins };
}
