// Portal origins the officer adds in options beyond the built-in ones (portalMatches.ts): each
// needs the browser's permission for its host, and the content scripts registered for it at run
// time. This file turns the settings' origins into the match patterns both steps use.
import { portalMatches } from './portalMatches.ts';

interface Pattern {
  scheme: string;
  host: string;
  /** null: any port. */
  port: string | null;
}

function readPattern(pattern: string): Pattern | null {
  const match = /^(https?):\/\/([^/]+?)(?::(\d+))?\/\*$/.exec(pattern);
  return match ? { scheme: match[1]!, host: match[2]!, port: match[3] ?? null } : null;
}

/**
 * "https://host" → "https://host/*", "http://host:8080" → "http://host:8080/*", and
 * "http://host:*" → "http://host/*" (a Chrome match pattern without a port matches every port).
 */
export function originMatchPattern(origin: string): string {
  return `${origin.replace(/:\*$/, '')}/*`;
}

function coveredByBuiltIn(pattern: string): boolean {
  const wanted = readPattern(pattern);
  return portalMatches.some((builtIn) => {
    const given = readPattern(builtIn);
    return !!wanted && !!given && given.scheme === wanted.scheme && given.host === wanted.host && (given.port === null || given.port === wanted.port);
  });
}

/** The match patterns of the configured origins that the built-in content scripts do not cover. */
export function extraPortalPatterns(portalOrigins: readonly string[]): string[] {
  const patterns = portalOrigins.map(originMatchPattern).filter((pattern) => !coveredByBuiltIn(pattern));
  return [...new Set(patterns)];
}
