// Moving to a new computer: everything the extension stores, saved to one file and loaded back.
// Loading adds only what is missing, so it can be repeated safely (extension/db/transfer.ts).
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../../shared/i18n/i18n.ts';
import { exportBoards, importBoards } from '../../board/boardTransfer.ts';
import { exportTables, importTables, TRANSFER_FORMAT, transferSchema, type ExtensionData } from '../../db/transfer.ts';
import { db } from '../../ui/pageDatabase.ts';

async function exportEverything(): Promise<ExtensionData> {
  return {
    format: TRANSFER_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    tables: await exportTables(db),
    local: await browser.storage.local.get(null),
    boards: await exportBoards(),
  };
}

async function importEverything(file: File): Promise<{ added: number; skipped: number } | null> {
  let parsed;
  try {
    parsed = transferSchema.safeParse(JSON.parse(await file.text()));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const counts = await importTables(db, parsed.data.tables);
  const present = await browser.storage.local.get(null);
  await browser.storage.local.set(Object.fromEntries(Object.entries(parsed.data.local).filter(([key]) => !(key in present))));
  await importBoards(parsed.data.boards);
  return counts;
}

export function DataTransfer() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async () => {
    const data = await exportEverything();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
    link.download = `tthc-desk-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    setMessage({ ok: true, text: t('transfer.exported') });
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    const counts = await importEverything(file);
    setMessage(counts ? { ok: true, text: t('transfer.imported', { count: counts.added, skipped: counts.skipped }) } : { ok: false, text: t('transfer.notOurs', { file: file.name }) });
  };
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <p className="muted">{t('transfer.help')}</p>
      <div className="row">
        <button type="button" onClick={() => void download()}>{t('transfer.export')}</button>
        <label className="row">
          <span>{t('transfer.import')}</span>
          <input type="file" name="transfer-import" accept="application/json,.json" onChange={(event) => void load(event.target.files?.[0])} />
        </label>
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'board-error'}>{message.text}</p>}
    </section>
  );
}
