// Export the dossiers in view to .xlsx: all of them, read when the officer asks (the list holds
// only the pages read). The personal-data choice only appears when the unit keeps personal data
// at all, and starts unticked.
import { useState } from 'react';
import writeXlsxFile from 'write-excel-file/browser';
import { t } from '../../../../shared/i18n/i18n.ts';
import { todayInVietnam } from '../../../../shared/time/dates.ts';
import { dossierSheet, xlsxCells } from './exportSheet.ts';
import type { DossierRow } from './dossierView.ts';

interface Props {
  /** How many dossiers are in view. */
  count: number;
  readRows: () => Promise<DossierRow[]>;
  personalDataKept: boolean;
  coverageLine: string | null;
}

export function ExportButton({ count, readRows, personalDataKept, coverageLine }: Props) {
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [busy, setBusy] = useState(false);
  const exportRows = async () => {
    setBusy(true);
    try {
      const sheet = dossierSheet(await readRows(), { includePersonalData: personalDataKept && includePersonalData, coverageLine });
      const blob = await writeXlsxFile(xlsxCells(sheet)).toBlob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `ho-so-${todayInVietnam()}.xlsx`;
      link.click();
      URL.revokeObjectURL(link.href);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export">
      <button type="button" disabled={busy || count === 0} onClick={() => void exportRows()}>
        {t('panel.export.button', { count })}
      </button>
      {personalDataKept && (
        <label className="check">
          <input type="checkbox" checked={includePersonalData} onChange={(event) => setIncludePersonalData(event.target.checked)} />
          {t('panel.export.includePersonal')}
        </label>
      )}
    </div>
  );
}
