// What the options page accepts for the board: a real websocket address, a token however it was
// pasted, and a server only together with the unit and token it needs; each refusal names its fix.
import { describe, expect, it } from 'vitest';
import { settingsFromRows } from '../db/settings.ts';
import { boardSettingsFormSchema, boardSettingsSchema, defaultBoardSettings } from './boardSettings.ts';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYW4ifQ.c2lnbmF0dXJl';
const valid = { server: 'ws://127.0.0.1:1234', unit: 'so-tu-phap', token, name: 'Lan' };
const refusal = (input: Record<string, string>) => {
  const parsed = boardSettingsFormSchema.safeParse({ ...valid, ...input });
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message);
};

describe('board settings', () => {
  it('accepts ws:// and wss:// addresses and refuses anything else with one message', () => {
    expect(refusal({ server: 'wss://sync.quangnam.gov.vn' })).toBeNull();
    expect(refusal({ server: 'ws://[::1]:1234/' })).toBeNull();
    for (const server of ['http://127.0.0.1:1234', 'ws://', 'ws:// 127.0.0.1', 'ws://host:99999', 'ws://host:1234?token=x', 'máy chủ', '127.0.0.1:1234']) {
      expect(refusal({ server }), server).toEqual(['board.settings.badServer']);
    }
  });

  it('drops the spaces, line breaks and "Bearer" prefix a pasted token may carry', () => {
    const pasted = `  Bearer ${token.slice(0, 20)}\n${token.slice(20, 40)} \r\n\t${token.slice(40)}\n`;
    const parsed = boardSettingsFormSchema.parse({ ...valid, token: pasted });
    expect(parsed.token).toBe(token);
    expect(refusal({ token: 'not a token' })).toEqual(['board.settings.badToken']);
  });

  it('asks for the unit and the token once a server is given, and allows a board kept locally', () => {
    expect(refusal({ unit: '' })).toEqual(['board.settings.needUnitToken']);
    expect(refusal({ token: ' \n ' })).toEqual(['board.settings.needUnitToken']);
    expect(refusal({ server: '', unit: '', token: '' })).toBeNull();
  });

  it('refuses an empty or over-long display name', () => {
    expect(refusal({ name: '   ' })).toEqual(['board.settings.badName']);
    expect(refusal({ name: 'x'.repeat(81) })).toEqual(['board.settings.longName']);
  });

  it('reads back settings stored with a wrapped token unchanged but for the whitespace', () => {
    const stored = { key: 'board', value: { ...valid, token: `${token.slice(0, 30)}\n${token.slice(30)}` } };
    expect(settingsFromRows([stored]).board).toEqual(boardSettingsSchema.parse(valid));
  });

  it('reads as a board kept locally when nothing usable is stored under the settings key', () => {
    expect(settingsFromRows([]).board).toEqual(defaultBoardSettings);
    expect(settingsFromRows([{ key: 'board', value: { server: 'http://x' } }]).board).toEqual(defaultBoardSettings);
  });
});
