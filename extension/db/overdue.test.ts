import { describe, expect, it } from 'vitest';
import type { StoredDossier } from './database.ts';
import { sortAttention } from './overdue.ts';

const today = '2024-03-13';
function dossier(code: string, appointmentAt: string, more: Partial<StoredDossier> = {}): StoredDossier {
  return {
    code, portalId: null, site: 'igate', procedureCode: '1.001612', procedureName: 'Cấp phép', agency: 'Sở Tư pháp', agencyCode: 'H48.53',
    status: 'Đang xử lý', statusId: null, acceptedAt: '2024-03-01T08:00:00+07:00', appointmentAt, returnedAt: null, channel: 'online',
    paidOnline: null, firstSeenAt: '2024-03-01T08:00:00+07:00', lastSeenAt: '2024-03-01T08:00:00+07:00', ...more,
  } as StoredDossier;
}

describe('sortAttention', () => {
  const candidates = [
    dossier('late', '2024-03-11T17:00:00+07:00'),
    dossier('soon', '2024-03-14T17:00:00+07:00'),
    dossier('returned', '2024-03-11T17:00:00+07:00', { returnedAt: '2024-03-12T09:00:00+07:00' }),
    dossier('other-unit', '2024-03-11T17:00:00+07:00', { agency: 'Sở Nội vụ', agencyCode: 'H48.54' }),
    dossier('suspended', '2024-03-11T17:00:00+07:00', { status: 'Tạm dừng xử lý' }),
    dossier('cancelled', '2024-03-11T17:00:00+07:00', { status: 'Đã hủy' }),
    dossier('unit-named', '2024-03-11T17:00:00+07:00', { status: 'Chờ thẩm định lại' }),
  ];

  it("keeps the unit's open dossiers, overdue and due soon apart", () => {
    const attention = sortAttention(candidates, { unit: { name: null, agencyCodes: ['H48.53'] }, dueSoonWorkingDays: 2, phaseStatusNames: { paused: [], closed: [] } }, today);
    expect(attention.overdue.map((d) => d.code)).toEqual(['late', 'unit-named']);
    expect(attention.dueSoon.map((d) => d.code)).toEqual(['soon']);
  });

  it('counts every open dossier when no unit is set', () => {
    const attention = sortAttention(candidates, { unit: { name: null, agencyCodes: [] }, dueSoonWorkingDays: 2, phaseStatusNames: { paused: [], closed: [] } }, today);
    expect(attention.overdue.map((d) => d.code)).toEqual(['late', 'other-unit', 'unit-named']);
  });

  it('leaves paused and closed dossiers out, with the unit\'s own status names too', () => {
    const attention = sortAttention(candidates, { unit: { name: null, agencyCodes: [] }, dueSoonWorkingDays: 2, phaseStatusNames: { paused: ['thẩm định lại'], closed: [] } }, today);
    expect(attention.overdue.map((d) => d.code)).toEqual(['late', 'other-unit']);
  });
});
