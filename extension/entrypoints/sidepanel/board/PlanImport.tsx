// Loading a year's plan onto the board: the built-in 2024 plan, or a unit's own plan from an
// .xlsx/.csv table or text pasted from the plan document. The tasks it would create are previewed
// first; the unit's own items only (lead or coordinating, by name or kind) unless the whole plan is
// asked for. Seeding twice, or by two officers, creates each task once (deterministic ids).
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { CsvError } from '../../../../shared/csv/csv.ts';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { EditContext } from '../../../../shared/board/operations.ts';
import { planFromCsv, planFromPastedText, planFromXlsx, PlanImportError, planYearOf } from '../../../../shared/board/plan-import.ts';
import type { PlanUnit } from '../../../../shared/board/plan-schedule.ts';
import { planTemplate2024, type PlanTemplate } from '../../../../shared/board/plan-template.ts';
import { plannedTasks, seedPlan } from '../../../../shared/board/seeding.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { useSettings } from '../../../ui/useSettings.ts';

interface Props {
  doc: Y.Doc;
  context: () => EditContext;
  run: (edit: () => void) => boolean;
}

function problemText(error: unknown): string {
  if (error instanceof PlanImportError) return t(error.key);
  if (error instanceof CsvError) return t(error.key, error.params);
  throw error;
}

export function PlanImport({ doc, context, run }: Props) {
  const { settings } = useSettings();
  const [template, setTemplate] = useState<PlanTemplate | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [wholePlan, setWholePlan] = useState(false);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [seeded, setSeeded] = useState<number | null>(null);
  const unit: PlanUnit | null = useMemo(
    () => (settings.unit.name === null && settings.unitKind === null ? null : { name: settings.unit.name, kind: settings.unitKind }),
    [settings.unit.name, settings.unitKind],
  );
  const plan = useMemo(() => (template && year !== null ? { ...template, year } : null), [template, year]);
  const tasks = useMemo(() => (plan ? plannedTasks(plan, wholePlan ? null : unit) : []), [plan, wholePlan, unit]);

  const choose = (read: () => PlanTemplate) => {
    setSeeded(null);
    try {
      const next = read();
      setTemplate(next);
      setYear(next.year);
      setProblem(null);
    } catch (error) {
      setTemplate(null);
      setProblem(problemText(error));
    }
  };
  const fallbackYear = Number(todayInVietnam().slice(0, 4));
  const fromTable = (read: (meta: { source: string; year: number }) => PlanTemplate, source: string) => choose(() => {
    const table = read({ source, year: fallbackYear });
    return { ...table, year: planYearOf(table, fallbackYear) };
  });
  const readFile = async (file: File) => {
    if (/\.xlsx$/i.test(file.name)) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      fromTable((meta) => planFromXlsx(bytes, meta), file.name);
    } else {
      const text = await file.text();
      fromTable((meta) => planFromCsv(text, meta), file.name);
    }
  };

  return (
    <details className="plan-import">
      <summary>{t('planImport.title')}</summary>
      <div className="stack">
        <button type="button" onClick={() => choose(() => planTemplate2024)}>{t('planImport.builtIn')}</button>
        <label className="field">
          <span>{t('planImport.file')}</span>
          <input type="file" name="plan-file" accept=".xlsx,.csv" onChange={(event) => { const file = event.target.files?.[0]; if (file) void readFile(file); }} />
        </label>
        <label className="field">
          <span>{t('planImport.paste')}</span>
          <textarea name="plan-text" rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </label>
        <button type="button" disabled={pasted.trim() === ''} onClick={() => fromTable((meta) => planFromPastedText(pasted, meta), 'paste')}>{t('planImport.read')}</button>
        {problem && <p className="notice error" role="alert">{problem}</p>}
        {plan && (
          <>
            <label className="field">
              <span>{t('planImport.year')}</span>
              <input type="number" name="plan-year" min={2000} max={2100} value={year ?? ''} disabled={template === planTemplate2024}
                onChange={(event) => setYear(Number(event.target.value) || null)} />
            </label>
            {unit === null
              ? <p className="muted">{t('planImport.noUnit')}</p>
              : <label className="check"><input type="checkbox" name="plan-whole" checked={wholePlan} onChange={(event) => setWholePlan(event.target.checked)} /> {t('planImport.wholePlan')}</label>}
            <p data-planned={tasks.length}>{t('planImport.preview', { count: tasks.length })}</p>
            <ol className="plan-preview">
              {tasks.map((task) => (
                <li key={task.id} data-plan-task={task.id}>
                  {task.seed.kind === 'plan-task' ? task.seed.title : task.item.content}
                  {' '}<span className="muted">{task.seed.kind === 'plan-task' ? (task.seed.due ?? '') : (task.item.due ?? '')}{task.role ? ` · ${t(`planImport.role.${task.role}`)}` : ''}</span>
                </li>
              ))}
            </ol>
            <button type="button" className="primary" disabled={tasks.length === 0}
              onClick={() => run(() => setSeeded(seedPlan(doc, plan, context(), wholePlan ? null : unit)))}>{t('planImport.seed', { count: tasks.length })}</button>
            {seeded !== null && <p role="status">{t('planImport.seeded', { count: seeded })}</p>}
          </>
        )}
      </div>
    </details>
  );
}
