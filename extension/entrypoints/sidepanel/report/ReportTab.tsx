// Báo cáo: Biểu 06/VPCP/KSTT for a chosen period over the unit's captured dossiers, what it rests
// on at the top, a click on a number to list its dossiers, and the form as .xlsx (the CLI's writer)
// or CSV.
import { CoverageLine } from '../../../ui/CoverageLine.tsx';
import { useCoverage } from '../../../ui/useCoverage.ts';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../../../shared/i18n/numbers.ts';
import { buildForm06, cellDossiers } from '../../../../shared/report/form06.ts';
import { parseReportPeriod, reportPeriodsOf, type ReportPeriod } from '../../../../shared/report/period.ts';
import { formCsv, reportPeriodName } from '../../../../shared/report/sheet.ts';
import { form06Xlsx } from '../../../../shared/report/xlsx.ts';
import { todayInVietnam, vietnamDateOf } from '../../../../shared/time/dates.ts';
import { unitLabel, type Settings } from '../../../db/settings.ts';
import { Form06Table, type SelectedCell } from './Form06Table.tsx';
import { download, loadReportDossiers } from './reportData.ts';
import './report.css';

/** The period whose window holds today, else the year's last. */
export function currentPeriod(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4)) + (today.slice(5) >= '12-15' ? 1 : 0);
  return reportPeriodsOf(year).find((p) => p.kind === 'quarter' && today >= p.from && today <= p.to) ?? parseReportPeriod(String(year));
}

interface Props {
  settings: Settings;
}

export function ReportTab({ settings }: Props) {
  const today = todayInVietnam();
  const [period, setPeriod] = useState<ReportPeriod>(() => currentPeriod(today));
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  // How much of the portal the report rests on, for its window (the whole-picture coverage).
  const coverage = useCoverage({ from: period.from, to: period.to });
  const source = useLiveQuery(() => loadReportDossiers(settings), [settings.unit, settings.phaseStatusNames]);
  const report = useMemo(() => (source ? buildForm06(source.dossiers, period) : undefined), [source, period]);
  const listed = useMemo(() => (source && selected ? cellDossiers(source.dossiers, period, selected) : []), [source, period, selected]);
  const unit = unitLabel(settings);
  const fileName = `bieu-06-${period.id}`;
  const choose = (id: string) => {
    setPeriod(parseReportPeriod(id));
    setSelected(null);
  };
  // The chosen period's year with three before it and one after: choosing an earlier year moves the range back.
  const years = [period.year - 3, period.year - 2, period.year - 1, period.year, period.year + 1];
  return (
    <div className="tab-body stack report-tab">
      <div className="form-grid">
        <label className="field">
          <span>{t('report.periodChoice')}</span>
          <select name="report-period" value={period.id} onChange={(event) => choose(event.target.value)}>
            {years.flatMap((year) => reportPeriodsOf(year)).map((p) => <option key={p.id} value={p.id}>{reportPeriodName(p)}</option>)}
          </select>
        </label>
        <p className="muted window">{t('report.window', { from: vietnameseDate(period.from), to: vietnameseDate(period.to) })}</p>
      </div>
      <CoverageLine view={coverage} />
      {report === undefined ? (
        <p className="muted">{t('panel.loading')}</p>
      ) : (
        <>
          <p className="notice info report-basis" data-counted={report.counted} data-left-out={report.leftOut}>
            {t('report.basedOn', { count: report.counted, leftOut: report.leftOut })}
            {Object.entries(report.notes).filter(([, n]) => n > 0).map(([kind, n]) => <span key={kind} className="note"> {t(`report.note.${kind}`, { count: n })}</span>)}
          </p>
          <Form06Table report={report} selected={selected} onSelect={setSelected} />
          <div className="export">
            <button type="button" onClick={() => void form06Xlsx(report, { unit }).then((blob) => download(blob, `${fileName}.xlsx`))}>{t('report.exportXlsx')}</button>
            <button type="button" onClick={() => download(new Blob([`\uFEFF${formCsv(report)}`], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`)}>{t('report.exportCsv')}</button>
          </div>
          {selected && (
            <section className="detail drill-down" aria-live="polite">
              <div className="detail-head">
                <h3>{t('report.cell.title', { cell: selected.label, count: listed.length })}</h3>
                <button type="button" className="link" onClick={() => setSelected(null)}>{t('report.cell.close')}</button>
              </div>
              <ul className="cell-dossiers">
                {listed.map((dossier) => (
                  <li key={dossier.code}>
                    <span className="code">{dossier.code}</span>{' '}
                    <span className="muted">{t('report.cell.dates', { accepted: dayText(dossier.acceptedAt), appointment: dayText(dossier.appointmentAt), finish: dayText(dossier.completedAt ?? dossier.returnedAt) })}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function dayText(at: string | null): string {
  return at === null ? '—' : vietnameseDate(vietnamDateOf(at));
}
