import { describe, expect, it } from 'vitest';
import { searchIdentity } from './searchIdentity.ts';

describe('searchIdentity', () => {
  it('is the same for every page, size and order of one search', () => {
    const a = searchIdentity(new URL('https://api.example/pa/dossier/search?page=0&size=20&sort=appointmentDate,asc&dossier-status=2,3'));
    const b = searchIdentity(new URL('https://api.example/pa/dossier/search?dossier-status=2,3&page=7&size=1000&spec=slice'));
    expect(a.key).toBe(b.key);
    expect(a.filters).toEqual([['dossier-status', '2,3']]);
  });

  it('keeps the date window apart and reads the portal form’s dd/MM/yyyy', () => {
    const identity = searchIdentity(new URL('https://api.example/pa/dossier/search?accepted-from=15/12/2023&accepted-to=2024-03-14&page=1'));
    expect(identity.window).toEqual({ from: '2023-12-15', to: '2024-03-14' });
    expect(identity.filters).toEqual([]);
    expect(identity.key).not.toBe(searchIdentity(new URL('https://api.example/pa/dossier/search?accepted-from=2023-12-15')).key);
  });

  it('tells searches with different filters or paths apart', () => {
    const base = searchIdentity(new URL('https://api.example/pa/dossier/search?agency-id=1'));
    expect(base.key).not.toBe(searchIdentity(new URL('https://api.example/pa/dossier/search?agency-id=2')).key);
    expect(base.key).not.toBe(searchIdentity(new URL('https://api.example/pa/dossier-search/dvc?agency-id=1')).key);
  });
});
