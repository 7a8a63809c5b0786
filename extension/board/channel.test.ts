import { describe, expect, it } from 'vitest';
import { editorsOf, peerFromState, personLabel } from './channel.ts';

describe('presence as the panel shows it', () => {
  it("shows the token's user the server stamped, with the typed name beside it", () => {
    const peer = peerFromState(7, { name: 'Minh', user: { sub: 'minh', role: 'editor' }, editing: ['task-1', 3] });
    expect(peer).toEqual({ clientId: 7, name: 'Minh', user: { sub: 'minh', role: 'editor' }, editing: ['task-1'] });
    expect(editorsOf([peer], 'task-1')).toEqual(['minh (Minh)']);
  });

  it('keeps a typed name that merely claims to be someone apart from who the token names', () => {
    expect(personLabel('giam-doc', { sub: 'minh', role: 'viewer' })).toBe('minh (giam-doc)');
    expect(personLabel('minh', { sub: 'minh', role: 'editor' })).toBe('minh');
  });

  it('shows the typed name alone from a server that stamps nothing, and ignores a malformed stamp', () => {
    expect(peerFromState(8, { name: 'Lan', editing: [] }).user).toBeNull();
    expect(peerFromState(9, { name: 'Lan', user: 'admin', editing: [] }).user).toBeNull();
    expect(personLabel('Lan', null)).toBe('Lan');
  });
});
