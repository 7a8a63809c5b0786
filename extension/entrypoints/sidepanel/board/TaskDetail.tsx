// One task in full: title, due date, assignees, labels, links, the plan item it comes from,
// checklist, the description edited together, and the comment thread.
import { useEffect, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { formatInstant } from '../../../ui/format.ts';
import { taskDescription } from '../../../../shared/board/layout.ts';
import {
  addChecklistItem, archiveTask, assignTask, commentOnTask, removeChecklistItem, restoreTask, setChecklistItemDone, updateTask,
  type EditContext,
} from '../../../../shared/board/operations.ts';
import { builtInPlanItemOf, readComments } from '../../../../shared/board/reader.ts';
import { BoardInputError } from '../../../../shared/board/errors.ts';
import { dueDateSchema, type BoardTask } from '../../../../shared/board/schema.ts';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '../../../../shared/calendar/calendar.ts';
import { CollaborativeText } from './CollaborativeText.tsx';

const DUE_MIN = `${CALENDAR_FIRST_YEAR}-01-01`;
const DUE_MAX = `${CALENDAR_LAST_YEAR}-12-31`;

interface Props {
  doc: Y.Doc;
  task: BoardTask;
  editors: string[];
  me: string;
  context: () => EditContext;
  /** Runs an edit, showing its refusal; false when refused. */
  run: (edit: () => void) => boolean;
  onClose: () => void;
}

/** One line and its button; without a `submit` word the button shows "+" and is named by `label`. What was typed stays when refused. */
function OneLineForm({ label, submit, onSubmit }: { label: string; submit?: string; onSubmit: (value: string) => boolean }) {
  const [value, setValue] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (onSubmit(value)) setValue('');
  };
  return (
    <form className="row" onSubmit={send}>
      <input aria-label={label} placeholder={label} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" aria-label={submit === undefined ? label : undefined}>{submit ?? '+'}</button>
    </form>
  );
}

/**
 * The due date. A date input reports each keystroke: typing a year passes through 0002, 0020, 0202,
 * and clearing one part empties the value. Only a whole date the calendar covers is saved at once
 * (what the picker gives, or a cleared field); anything else waits for the officer to leave the
 * field, and then is refused with the reason, the stored date untouched.
 */
function DueField({ due, save }: { due: string | null; save: (due: string | null, unreadable: boolean) => boolean }) {
  const [value, setValue] = useState(due ?? '');
  useEffect(() => setValue(due ?? ''), [due, setValue]);
  const commit = (input: HTMLInputElement) => {
    const next = input.value || null;
    if (input.validity.badInput) {
      save(null, true);
      setValue(due ?? '');
    } else if (next !== due) {
      save(next, false);
    }
  };
  return (
    <label className="row">
      {t('board.detail.due')}
      <input type="date" min={DUE_MIN} max={DUE_MAX} value={value}
        onChange={(e) => {
          setValue(e.target.value);
          const next = e.target.value || null;
          const whole = next === null ? !e.target.validity.badInput : dueDateSchema.safeParse(next).success;
          if (whole && next !== due) save(next, false);
        }}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget)} />
    </label>
  );
}

export function TaskDetail({ doc, task, editors, me, context, run, onClose }: Props) {
  const [title, setTitle] = useState(task.title);
  const comments = readComments(doc, task.id).comments;
  const item = builtInPlanItemOf(task);
  const origin = context().origin;
  const saveTitle = () => {
    if (title !== task.title) run(() => updateTask(doc, task.id, { title }, context()));
  };
  const setLink = (key: 'dossierCode' | 'procedureCode', value: string) => {
    const links = { ...task.links };
    if (value.trim() === '') delete links[key];
    else links[key] = value.trim();
    run(() => updateTask(doc, task.id, { links }, context()));
  };
  return (
    <section className="board-detail" aria-label={task.title} data-detail-id={task.id}>
      <header className="row">
        <input className="board-detail-title" aria-label={t('board.detail.title')} value={title}
          onChange={(e) => setTitle(e.target.value)} onBlur={saveTitle} onKeyDown={(e) => e.key === 'Enter' && saveTitle()} />
        <button type="button" onClick={onClose}>{t('board.detail.close')}</button>
      </header>
      {editors.length > 0 && <p className="editing">✎ {t('board.editing', { name: editors.join(', ') })}</p>}
      {item && (
        <div className="board-plan muted">
          <p>{t('board.detail.planItem', { item: item.id })}: {item.result}</p>
          <p>{t('board.detail.lead', { agencies: item.lead.join('; ') })}</p>
          {item.coordinating.length > 0 && <p>{t('board.detail.coordinating', { agencies: item.coordinating.join('; ') })}</p>}
          {item.deadline && <p>{t('board.detail.deadline', { text: item.deadline })}</p>}
        </div>
      )}
      <DueField due={task.due} save={(due, unreadable) => run(() => {
        if (unreadable) throw new BoardInputError('board.error.date');
        updateTask(doc, task.id, { due }, context());
      })} />

      <h3>{t('board.detail.assignees')}</h3>
      <ul className="chips">
        {task.assignees.map((person) => (
          <li key={person}>{person} <button type="button" className="link" aria-label={t('board.detail.unassign', { name: person })}
            onClick={() => run(() => assignTask(doc, task.id, person, false, context()))}>×</button></li>
        ))}
      </ul>
      {!task.assignees.includes(me) && (
        <button type="button" onClick={() => run(() => assignTask(doc, task.id, me, true, context()))}>{t('board.detail.assignMe')}</button>
      )}

      <h3>{t('board.detail.labels')}</h3>
      <ul className="chips">
        {task.labels.map((label) => (
          <li key={label}>{label} <button type="button" className="link" aria-label={t('board.detail.removeLabel', { label })}
            onClick={() => run(() => updateTask(doc, task.id, { removeLabels: [label] }, context()))}>×</button></li>
        ))}
      </ul>
      <OneLineForm label={t('board.detail.addLabel')} onSubmit={(label) => run(() => updateTask(doc, task.id, { addLabels: [label] }, context()))} />

      <h3>{t('board.detail.links')}</h3>
      <label className="row">{t('board.detail.dossier')}
        <input defaultValue={task.links.dossierCode ?? ''} onBlur={(e) => e.target.value !== (task.links.dossierCode ?? '') && setLink('dossierCode', e.target.value)} />
      </label>
      <label className="row">{t('board.detail.procedure')}
        <input defaultValue={task.links.procedureCode ?? ''} onBlur={(e) => e.target.value !== (task.links.procedureCode ?? '') && setLink('procedureCode', e.target.value)} />
      </label>

      <h3>{t('board.detail.checklist')}</h3>
      <ul className="board-checklist">
        {task.checklist.map((entry) => (
          <li key={entry.id}>
            <label>
              <input type="checkbox" checked={entry.done} onChange={(e) => run(() => setChecklistItemDone(doc, task.id, entry.id, e.target.checked, context()))} />
              {entry.text}
            </label>
            <button type="button" className="link" aria-label={t('board.detail.removeItem', { item: entry.text })} onClick={() => run(() => removeChecklistItem(doc, task.id, entry.id, context()))}>×</button>
          </li>
        ))}
      </ul>
      <OneLineForm label={t('board.detail.addItem')} onSubmit={(text) => run(() => { addChecklistItem(doc, task.id, text, context()); })} />

      <h3>{t('board.detail.description')}</h3>
      <CollaborativeText text={taskDescription(doc, task.id)} origin={origin} label={t('board.detail.description')} />

      <h3>{t('board.detail.comments')}</h3>
      <ol className="board-comments">
        {comments.map((comment) => (
          <li key={comment.id}><strong>{comment.author}</strong> <span className="muted">{formatInstant(comment.at, getLocale())}</span><br />{comment.text}</li>
        ))}
      </ol>
      <OneLineForm label={t('board.detail.comments')} submit={t('board.detail.addComment')} onSubmit={(text) => run(() => { commentOnTask(doc, task.id, text, context()); })} />

      <footer className="row muted">
        {task.created && <span>{t('board.detail.created', { by: task.created.by, at: formatInstant(task.created.at, getLocale()) })}</span>}
        {task.updated && <span>{t('board.detail.updated', { by: task.updated.by, at: formatInstant(task.updated.at, getLocale()) })}</span>}
        {task.archived
          ? <button type="button" onClick={() => run(() => restoreTask(doc, task.id, context()))}>{t('board.detail.restore')}</button>
          : <button type="button" onClick={() => run(() => archiveTask(doc, task.id, context()))}>{t('board.detail.archive')}</button>}
      </footer>
    </section>
  );
}
