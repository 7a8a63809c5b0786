// Feature: the "Ghi nhận toàn bộ kỳ này" control on a portal dossier search page: the window, the
// rate and the page size, one click to start, a progress bar of pages and dossiers with the time
// left, pause, resume, cancel, and the sentence saying why a collection stopped.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../shared/i18n/numbers.ts';
import { collectRate, DEFAULT_RATE_PER_SECOND, MAX_RATE_PER_SECOND, MIN_RATE_PER_SECOND, timeLeftParts } from '../../shared/portalCoverage/collectPlan.ts';
import { readCollectWindow, windowChoices } from '../../shared/portalCoverage/windows.ts';
import { todayInVietnam } from '../../shared/time/dates.ts';
import type { StoredCollection } from '../db/collections.ts';
import type { Collector, CollectorState } from '../content/collector.ts';
import { createCornerHost } from './cornerHost.ts';

const CSS = `
  .collect { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; width: 300px; display: grid; gap: 6px;
    font: 13px/1.4 system-ui, sans-serif; background: #fff; color: #202124; padding: 10px 12px;
    border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  h2 { font-size: 14px; margin: 0; }
  label { display: grid; gap: 2px; }
  .row { display: flex; gap: 6px; }
  .row label { flex: 1; }
  input, select, button { font: inherit; }
  progress { width: 100%; }
  .muted { color: #5f6368; font-size: 12px; }
  .stopped { color: #a50e0e; }
`;

function timeLeftText(seconds: number): string {
  const left = timeLeftParts(seconds);
  if (!left) return t('collect.left.underMinute');
  return left.hours > 0 ? t('collect.left.hours', left) : t('collect.left.minutes', left);
}

function windowLabel(choice: string): string {
  const window = readCollectWindow(choice);
  const dates = window ? ` (${vietnameseDate(window.from)} – ${vietnameseDate(window.to)})` : '';
  if (choice.startsWith('R')) return `${t('collect.window.report', { label: choice.slice(1) })}${dates}`;
  if (choice.includes('-Q')) return `${t('collect.window.quarter', { label: choice })}${dates}`;
  return `${t('collect.window.month', { label: choice })}${dates}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The one sentence the officer reads about a collection's end or stop. */
export function collectionSentence(collection: StoredCollection): string {
  const count = collection.dossiers;
  if (collection.state === 'done') return t('collect.state.done', { count, from: vietnameseDate(collection.window.from), to: vietnameseDate(collection.window.to) });
  if (collection.state === 'cancelled') return t('collect.state.cancelled', { count });
  if (collection.state === 'stopped' && collection.stop) return t(`collect.stop.${collection.stop.reason}`, { count, status: collection.stop.status ?? 0 });
  return t(collection.state === 'running' ? 'collect.state.running' : 'collect.state.paused');
}

export function createCollectPanel(ctx: ContentScriptContext, controls: () => Collector | null) {
  const host = createCornerHost(ctx, 'tthc-collect-panel', CSS);
  const choices = windowChoices(todayInVietnam());
  // A text field with the usual choices offered: any month, quarter or report period can be typed.
  const options = element('datalist', { id: 'tthc-collect-windows' }, ...choices.map((choice) => element('option', { value: choice, label: windowLabel(choice) })));
  const select = element('input', { name: 'window', value: choices[4] ?? '' });
  select.setAttribute('list', options.id);
  const windowDates = element('span', { className: 'muted' });
  const showDates = () => {
    windowDates.textContent = readCollectWindow(select.value) ? windowLabel(select.value.trim()) : t('collect.windowHelp');
  };
  select.addEventListener('input', showDates);
  showDates();
  const rate = element('input', { name: 'rate', type: 'number', min: String(MIN_RATE_PER_SECOND), max: String(MAX_RATE_PER_SECOND), step: '0.1', value: String(DEFAULT_RATE_PER_SECOND) });
  const size = element('input', { name: 'size', type: 'number', min: '1', value: '' });
  const start = element('button', { type: 'button', className: 'start' }, t('collect.start'));
  const pause = element('button', { type: 'button', className: 'pause' }, t('collect.pause'));
  const resume = element('button', { type: 'button', className: 'resume' }, t('collect.resume'));
  const cancel = element('button', { type: 'button', className: 'cancel' }, t('collect.cancel'));
  const progress = element('progress', { max: 1, value: 0 });
  const progressText = element('p', { className: 'progress muted' });
  const status = element('p', { className: 'status' });
  status.setAttribute('role', 'status');
  const polite = element('p', { className: 'muted' });
  // The rate it will keep, said as the officer types it: a rate beyond the bounds is brought within them.
  const showRate = () => {
    polite.textContent = t('collect.polite', { rate: collectRate(Number(rate.value)) });
  };
  rate.addEventListener('input', showRate);
  start.addEventListener('click', () => controls()?.start(select.value, Number(rate.value), Number(size.value) || 1));
  pause.addEventListener('click', () => controls()?.pause());
  resume.addEventListener('click', () => controls()?.resume());
  cancel.addEventListener('click', () => controls()?.cancel());
  const box = element(
    'section', { className: 'collect' },
    element('h2', {}, t('collect.title')),
    element('label', {}, t('collect.window'), select, windowDates, options),
    element('div', { className: 'row' }, element('label', {}, t('collect.rate'), rate), element('label', {}, t('collect.size'), size)),
    polite, element('div', { className: 'row' }, start, pause, resume, cancel), progress, progressText, status,
  );
  box.setAttribute('aria-label', t('collect.title'));

  return {
    render(state: CollectorState) {
      const collection = state.collection;
      if (!state.template && !collection) return;
      host.mount().replaceChildren(box);
      if (state.template && size.value === '') size.value = String(state.template.largestSize || 20);
      if (state.template) size.max = String(state.template.largestSize || 20);
      showRate();
      const running = collection?.state === 'running';
      start.disabled = running || !state.template;
      pause.disabled = !running;
      resume.disabled = !collection || (collection.state !== 'paused' && collection.state !== 'stopped');
      cancel.disabled = !collection || collection.state === 'done' || collection.state === 'cancelled';
      if (collection) {
        progress.max = Math.max(1, collection.pages ?? collection.nextPage + 1);
        progress.value = collection.nextPage;
        progressText.textContent = collection.total === null
          ? t('collect.progressOpen', { page: collection.nextPage, count: collection.dossiers })
          : t('collect.progress', { page: collection.nextPage, pages: collection.pages ?? 0, count: collection.dossiers, total: collection.total });
        if (collection.state === 'running' && state.secondsLeft !== null) progressText.textContent += ` · ${timeLeftText(state.secondsLeft)}`;
        box.dataset.state = collection.state;
      }
      status.className = collection?.state === 'stopped' ? 'status stopped' : 'status';
      status.textContent = state.needsSearch ? t('collect.needSearch') : collection ? collectionSentence(collection) : '';
    },
  };
}
