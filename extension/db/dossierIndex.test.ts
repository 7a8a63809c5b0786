import { describe, expect, it } from 'vitest';
import { sampleDossier } from '../entrypoints/sidepanel/dossiers/sampleDossier.ts';
import { NO_APPOINTMENT, withIndexFields } from './dossierIndex.ts';

const fields = ({ listAt, openAppointmentAt, settledState, unitKey, openSeenAt }: ReturnType<typeof withIndexFields>) => ({ listAt, openAppointmentAt, settledState, unitKey, openSeenAt });

describe('withIndexFields', () => {
  it('keeps an unfinished dossier with an appointment in the open range, by its appointment, with when it was last seen', () => {
    expect(fields(sampleDossier('A', { appointmentAt: '2024-03-15T17:00:00+07:00', lastSeenAt: '2024-03-02T09:00:00+07:00' }))).toEqual({
      listAt: '2024-03-15T17:00:00+07:00',
      openAppointmentAt: '2024-03-15T17:00:00+07:00',
      settledState: undefined,
      unitKey: '000.00.53.H48',
      openSeenAt: '2024-03-02T09:00:00+07:00',
    });
  });

  it('stores the final state of a returned dossier, judged by day, and leaves it out of the open and stale ranges', () => {
    const returned = (returnedAt: string) => fields(sampleDossier('B', { appointmentAt: '2024-03-15T17:00:00+07:00', returnedAt }));
    expect(returned('2024-03-14T10:00:00+07:00')).toMatchObject({ settledState: 'early', openAppointmentAt: undefined, openSeenAt: undefined });
    expect(returned('2024-03-15T23:00:00+07:00').settledState).toBe('on_time');
    expect(returned('2024-03-18T08:00:00+07:00').settledState).toBe('late');
  });

  it('treats a dossier whose result is ready (completedAt) as finished though not yet handed back', () => {
    const completed = fields(sampleDossier('G', { appointmentAt: '2024-03-15T17:00:00+07:00', completedAt: '2024-03-14T10:00:00+07:00', returnedAt: null }));
    expect(completed).toMatchObject({ settledState: 'early', openAppointmentAt: undefined, openSeenAt: undefined });
  });

  it('sorts a dossier without appointment last and counts it unknown; no agency code is the empty unit key', () => {
    expect(fields(sampleDossier('C', { appointmentAt: null, agencyCode: null }))).toMatchObject({ listAt: NO_APPOINTMENT, settledState: 'unknown', openAppointmentAt: undefined, unitKey: '' });
    expect('2099-12-31T23:59:59+07:00' < NO_APPOINTMENT).toBe(true);
  });

  it('reads an appointment outside the working calendar as unknown, never as open', () => {
    expect(fields(sampleDossier('D', { appointmentAt: '2250-03-15T17:00:00+07:00' }))).toMatchObject({ settledState: 'unknown', openAppointmentAt: undefined });
  });

  it('replaces the index fields of an earlier state when the dossier is returned', () => {
    const open = sampleDossier('E', { appointmentAt: '2024-03-15T17:00:00+07:00' });
    const after = withIndexFields({ ...open, returnedAt: '2024-03-15T10:00:00+07:00' });
    expect(fields(after)).toMatchObject({ settledState: 'on_time', openAppointmentAt: undefined, openSeenAt: undefined });
  });
});
