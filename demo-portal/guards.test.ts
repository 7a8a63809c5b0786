import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AUTHORIZATION } from './guards.ts';
import { startDemoPortal, type DemoPortal } from './server.ts';

let portal: DemoPortal | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

const search = (headers: Record<string, string> = {}) => fetch(`${portal!.igateUrl}/pa/dossier/search?size=1`, { headers }).then((r) => r.status);

describe('demo portal guards', () => {
  it('checks the sign-in header when asked, and refuses it once revoked', async () => {
    portal = await startDemoPortal({ now: new Date('2024-06-03T09:00:00+07:00'), requireAuth: true });
    expect(await search()).toBe(401);
    expect(await search({ authorization: DEMO_AUTHORIZATION })).toBe(200);
    portal.guards.revokeAuth();
    expect(await search({ authorization: DEMO_AUTHORIZATION })).toBe(401);
  });

  it('limits the API requests per second with 429', async () => {
    portal = await startDemoPortal({ now: new Date('2024-06-03T09:00:00+07:00'), rateLimitPerSecond: 2 });
    const statuses = [await search(), await search(), await search()];
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('fails every API request while the failure switch is on, and the pages still load', async () => {
    portal = await startDemoPortal({ now: new Date('2024-06-03T09:00:00+07:00') });
    portal.guards.failWith(500);
    expect(await search()).toBe(500);
    expect((await fetch(`${portal.igateUrl}/vi/dossier/search`)).status).toBe(200);
    portal.guards.failWith(null);
    expect(await search()).toBe(200);
  });
});
