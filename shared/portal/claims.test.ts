// The response claims are what the MAIN-world observer filters with: a URL wrongly left out here
// is never captured, one wrongly let in is the page's own data handed to us for nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimedByAnAdapter, igateResponseKind, responseClaims } from './claims.ts';
import { adapters } from './index.ts';

const dir = join(import.meta.dirname, 'fixtures');
/** The URL each saved API response (a `.json` fixture) came from. */
const savedResponseUrls = readdirSync(dir)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { fixture: string; url: string })
  .filter((expected) => expected.fixture.endsWith('.json'))
  .map((expected) => expected.url);
const api = (path: string) => new URL(`https://apiigate.quangnam.gov.vn${path}`);

describe('response claims', () => {
  it('claim every saved API response of the golden fixtures, for iGate only', () => {
    expect(savedResponseUrls.length).toBeGreaterThan(0);
    for (const url of savedResponseUrls) {
      expect(claimedByAnAdapter(new URL(url)), url).toBe(true);
      expect(responseClaims.igate(new URL(url)), url).toBe(true);
      expect(responseClaims.dvcqg(new URL(url)), url).toBe(false);
    }
  });

  it.each(['/hu/user/me', '/bt/agency/search?page=0', '/pa/dossier/650f/detail-extra', '/pa/dossier/search.css', '/ba/procedure/search/extra', '/vi/dossier/search'])(
    'leave the portal’s other traffic alone: %s',
    (path) => {
      expect(claimedByAnAdapter(api(path))).toBe(false);
    },
  );

  it('leave the national portal’s responses alone: its pages are read from the DOM', () => {
    expect(claimedByAnAdapter(new URL('https://dichvucong.gov.vn/jsp/rest.jsp'))).toBe(false);
    expect(claimedByAnAdapter(new URL('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html'))).toBe(false);
  });

  it('tell the iGate adapter which kind of response it reads', () => {
    expect(igateResponseKind(api('/pa/dossier/search'))).toBe('dossierSearch');
    expect(igateResponseKind(api('/ba/procedure/search/'))).toBe('procedureSearch');
    expect(igateResponseKind(api('/ba/procedure/650000000000000000000018'))).toBe('procedureDetail');
    expect(igateResponseKind(api('/hu/user/me'))).toBeNull();
  });

  it('are the adapters’ own claims, so the observer hands over exactly what an adapter reads', () => {
    const urls = [...savedResponseUrls, 'https://apiigate.quangnam.gov.vn/hu/user/me', 'https://dichvucong.gov.vn/jsp/rest.jsp'].map((url) => new URL(url));
    for (const adapter of adapters) {
      expect(adapter.claimsResponse).toBe(responseClaims[adapter.site]);
    }
    for (const url of urls) expect(claimedByAnAdapter(url), url.href).toBe(adapters.some((adapter) => adapter.claimsResponse(url)));
  });
});
