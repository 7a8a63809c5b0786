import { describe, expect, it } from 'vitest';
import { reportDossierSchema } from './input.ts';
import { monthlyFigures } from './monthly.ts';

const at = (date: string) => `${date}T09:00:00+07:00`;
const dossier = (code: string, patch: Record<string, unknown>) => reportDossierSchema.parse({ code, channel: 'direct', ...patch });

describe('the year month by month', () => {
  const months = monthlyFigures([
    dossier('a', { channel: 'online', acceptedAt: at('2024-03-04'), appointmentAt: at('2024-03-08'), returnedAt: at('2024-03-07') }),
    dossier('b', { acceptedAt: at('2024-03-05'), appointmentAt: at('2024-03-08'), returnedAt: at('2024-03-11') }),
    dossier('c', { acceptedAt: at('2024-03-20'), appointmentAt: at('2024-04-10') }),
  ], 2024);

  it('gives each calendar month its rates and what they rest on', () => {
    expect(months[2]).toMatchObject({ month: 3, window: { from: '2024-03-01', to: '2024-03-31' }, basis: 3, onTimeRate: 50, onlineRate: 33.33, progress766: 66.67 });
  });
  it('carries an open dossier into the next month, past its appointment there, and has no rate for an empty month', () => {
    expect(months[3]).toMatchObject({ basis: 1, onTimeRate: null, onlineRate: null, progress766: 0 });
    expect(months[0]).toMatchObject({ basis: 0, onTimeRate: null, onlineRate: null, progress766: null });
  });
});
