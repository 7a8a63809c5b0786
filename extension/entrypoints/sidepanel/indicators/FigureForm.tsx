// Numerator and denominator entered for one indicator and period, for the rates records cannot give.
import { useState, type FormEvent } from 'react';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { IndicatorFigure, Period } from '../../../../shared/schemas/indicator.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { InputProblem } from '../../../ui/inputProblem.ts';
import { figureFromForm, type FigureForm as FormValues } from './indicatorInput.ts';

interface Props {
  indicatorId: string;
  period: Period;
  current: IndicatorFigure | undefined;
}

export function FigureForm({ indicatorId, period, current }: Props) {
  const [form, setForm] = useState<FormValues>({
    numerator: current ? String(current.numerator) : '',
    denominator: current ? String(current.denominator) : '',
    source: current?.source ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const figure = figureFromForm(indicatorId, period, form);
      await db.indicatorFigures.put({ indicatorId, period, figure, updatedAt: new Date().toISOString() });
      setProblem(null);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      const field = error.params.field;
      setProblem(t(error.key, typeof field === 'string' ? { field: t(`panel.indicators.${field}`) } : {}));
    }
  };
  const input = (field: keyof FormValues, wide = false) => (
    <label className={`field${wide ? ' wide' : ''}`}>
      <span>{t(`panel.indicators.${field}`)}</span>
      <input name={field} inputMode={field === 'source' ? undefined : 'decimal'} value={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.value })} />
    </label>
  );
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        {input('numerator')}
        {input('denominator')}
        {input('source', true)}
      </div>
      {problem && <p className="notice error" role="alert">{problem}</p>}
      <div className="row">
        <button type="submit" className="primary">{t('panel.save')}</button>
      </div>
    </form>
  );
}
