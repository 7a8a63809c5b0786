import { describe, expect, it } from 'vitest';
import { figureFromForm, parsePeriod, previousYear, storedFigures } from './indicatorInput.ts';
import { problemOf } from '../../../ui/problemOf.ts';

describe('figureFromForm', () => {
  it('reads counts as officers write them, thousands separated by dots or spaces', () => {
    expect(figureFromForm('satisfaction', '2024', { numerator: '1.234', denominator: '1 300', source: ' Báo cáo quý ' })).toEqual({
      indicatorId: 'satisfaction',
      period: '2024',
      numerator: 1234,
      denominator: 1300,
      source: 'Báo cáo quý',
    });
    expect(figureFromForm('satisfaction', '2024', { numerator: '12,5', denominator: '20', source: '' }).numerator).toBe(12.5);
  });

  it('names a missing, negative or zero count', () => {
    expect(problemOf(() => figureFromForm('x', '2024', { numerator: '', denominator: '5', source: '' })).params.field).toBe('numerator');
    expect(problemOf(() => figureFromForm('x', '2024', { numerator: '-1', denominator: '5', source: '' })).params.field).toBe('numerator');
    expect(problemOf(() => figureFromForm('x', '2024', { numerator: '1', denominator: '0', source: '' })).params.field).toBe('denominator');
  });

  it('refuses a numerator above the denominator', () => {
    expect(problemOf(() => figureFromForm('x', '2024', { numerator: '6', denominator: '5', source: '' })).key).toBe('panel.indicators.numeratorTooBig');
  });
});

describe('parsePeriod', () => {
  it('accepts a year, a quarter (any case) and a month', () => {
    expect(parsePeriod('2024')).toBe('2024');
    expect(parsePeriod(' 2024-q2 ')).toBe('2024-Q2');
    expect(parsePeriod('2024-03')).toBe('2024-03');
  });

  it('refuses anything else', () => {
    expect(problemOf(() => parsePeriod('2024-13')).key).toBe('panel.indicators.badPeriod');
    expect(problemOf(() => parsePeriod('Q1/2024')).key).toBe('panel.indicators.badPeriod');
  });
});

describe('storedFigures', () => {
  it('keeps the rows that fit the schema', () => {
    const good = { indicatorId: 'satisfaction', period: '2024', numerator: 9, denominator: 10 };
    expect(storedFigures([
      { indicatorId: 'satisfaction', period: '2024', figure: good, updatedAt: '2024-05-01T00:00:00+07:00' },
      { indicatorId: 'satisfaction', period: '2023', figure: { numerator: 'x' }, updatedAt: '2024-05-01T00:00:00+07:00' },
    ])).toEqual([good]);
  });
});

describe('previousYear', () => {
  it('is the year before the period, whatever its length', () => {
    expect(previousYear('2024-Q3')).toBe('2023');
    expect(previousYear('2024')).toBe('2023');
  });
});
