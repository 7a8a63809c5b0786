import { describe, expect, it } from 'vitest';
import { appointmentFlag, dossierTimeliness } from './timeliness.ts';

const accepted = '2024-02-01T08:00:00+07:00';
const appointment = '2024-02-16T10:00:00+07:00'; // Friday after Tết
const dossier = (returnedAt: string | null, appointmentAt: string | null = appointment) => ({ acceptedAt: accepted, appointmentAt, returnedAt });

describe('finished dossiers', () => {
  it('are early when returned on an earlier day than the appointment day', () => {
    expect(dossierTimeliness(dossier('2024-02-15T16:00:00+07:00'), { today: '2024-03-01' }))
      .toEqual({ state: 'early', workingDaysLeft: null, workingDaysLate: null });
  });

  it('are on time when returned on the appointment day, even after the appointment hour', () => {
    expect(dossierTimeliness(dossier('2024-02-16T16:30:00+07:00'), { today: '2024-03-01' }).state).toBe('on_time');
  });

  it('read portal timestamps in Vietnam time (17:00 UTC on 15/2 is 00:00 on 16/2)', () => {
    expect(dossierTimeliness(dossier('2024-02-15T17:00:00.000+0000'), { today: '2024-03-01' }).state).toBe('on_time');
    expect(dossierTimeliness(dossier('2024-02-15T16:59:00.000+0000'), { today: '2024-03-01' }).state).toBe('early');
  });

  it('are late by the working days after the appointment day', () => {
    expect(dossierTimeliness(dossier('2024-02-20T09:00:00+07:00'), { today: '2024-03-01' }))
      .toEqual({ state: 'late', workingDaysLeft: null, workingDaysLate: 2 });
  });

  it('count a return on a day off as late by the working day after it', () => {
    expect(dossierTimeliness(dossier('2024-02-17T09:00:00+07:00'), { today: '2024-03-01' }))
      .toEqual({ state: 'late', workingDaysLeft: null, workingDaysLate: 1 });
  });
});

describe('unfinished dossiers', () => {
  it('are pending with more than two working days left (Tết days do not count)', () => {
    expect(dossierTimeliness(dossier(null), { today: '2024-02-05' }))
      .toEqual({ state: 'pending', workingDaysLeft: 4, workingDaysLate: null });
  });

  it('are due soon with at most two working days left (7/2 before Tết), down to the appointment day', () => {
    expect(dossierTimeliness(dossier(null), { today: '2024-02-07' }))
      .toEqual({ state: 'due_soon', workingDaysLeft: 2, workingDaysLate: null });
    expect(dossierTimeliness(dossier(null), { today: '2024-02-16' }))
      .toEqual({ state: 'due_soon', workingDaysLeft: 0, workingDaysLate: null });
  });

  it('take the due-soon threshold from the context', () => {
    expect(dossierTimeliness(dossier(null), { today: '2024-02-06', dueSoonWorkingDays: 3 }).state).toBe('due_soon');
    expect(dossierTimeliness(dossier(null), { today: '2024-02-07', dueSoonWorkingDays: 1 }).state).toBe('pending');
  });

  it('are overdue past the appointment day, by working days', () => {
    expect(dossierTimeliness(dossier(null), { today: '2024-02-21' }))
      .toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysLate: 3 });
    expect(dossierTimeliness(dossier(null), { today: '2024-02-17' }))
      .toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysLate: 1 });
  });

  it('are unknown without an appointment', () => {
    expect(dossierTimeliness(dossier(null, null), { today: '2024-02-21' }))
      .toEqual({ state: 'unknown', workingDaysLeft: null, workingDaysLate: null });
  });
});

describe('appointments our calendar disagrees with', () => {
  it('are flagged when they fall on a day off', () => {
    expect(appointmentFlag({ acceptedAt: accepted, appointmentAt: '2024-02-12T10:00:00+07:00' }))
      .toEqual({ reason: 'not_working_day', appointment: '2024-02-12' });
  });

  it('are flagged when they differ from the processing time counted on our calendar', () => {
    expect(appointmentFlag({ acceptedAt: accepted, appointmentAt: appointment }, { processingWorkingDays: 5 }))
      .toEqual({ reason: 'differs_from_processing_time', appointment: '2024-02-16', expected: '2024-02-15' });
  });

  it('are not flagged when they agree', () => {
    expect(appointmentFlag({ acceptedAt: accepted, appointmentAt: appointment }, { processingWorkingDays: 6 })).toBeNull();
    expect(appointmentFlag({ acceptedAt: accepted, appointmentAt: appointment })).toBeNull();
  });
});

describe('dossiers that are not running late', () => {
  const past = { acceptedAt: accepted, appointmentAt: appointment, returnedAt: null };
  const ctx = { today: '2024-03-01' };

  it('a cancelled dossier past its appointment is closed, never overdue', () => {
    expect(dossierTimeliness({ ...past, status: 'Đã hủy' }, ctx)).toEqual({ state: 'closed', workingDaysLeft: null, workingDaysLate: null });
  });

  it('a dossier waiting for a supplement or suspended is paused, never overdue or due soon', () => {
    expect(dossierTimeliness({ ...past, status: 'Đang xử lý', stepStatus: 'Yêu cầu bổ sung giấy tờ' }, ctx).state).toBe('paused');
    expect(dossierTimeliness({ ...past, status: 'Tạm dừng' }, { today: '2024-02-15' }).state).toBe('paused');
  });

  it('a paused status on a finished dossier is judged on its finish', () => {
    expect(dossierTimeliness({ ...past, status: 'Tạm dừng', returnedAt: '2024-02-20T09:00:00+07:00' }, ctx).state).toBe('late');
  });

  it('an active status is judged as before', () => {
    expect(dossierTimeliness({ ...past, status: 'Đang xử lý' }, ctx).state).toBe('overdue');
  });
});

describe('the finish is the completion when known, else the return', () => {
  it('a result ready on the appointment day and handed back later is on time', () => {
    const finished = { acceptedAt: accepted, appointmentAt: appointment, completedAt: '2024-02-16T09:00:00+07:00', returnedAt: '2024-02-20T09:00:00+07:00' };
    expect(dossierTimeliness(finished, { today: '2024-03-01' }).state).toBe('on_time');
  });

  it('only a completion (no return yet) finishes the dossier', () => {
    expect(dossierTimeliness({ acceptedAt: accepted, appointmentAt: appointment, completedAt: '2024-02-15T09:00:00+07:00', returnedAt: null }, { today: '2024-03-01' }).state).toBe('early');
  });
});
