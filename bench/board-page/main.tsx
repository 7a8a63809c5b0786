// The page bench/board.bench.ts drives in Chromium: seeds a board of n tasks into IndexedDB (as a
// Y.Doc through y-indexeddb, and as a plain JSON array for the baseline), or opens one cold and
// renders it with the side panel's own board components, then times moves.
import { DndContext } from '@dnd-kit/core';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { createTask, moveTask } from '../../shared/board/operations.ts';
import { orderBetween, orderSequence } from '../../shared/board/ordering.ts';
import { readBoard } from '../../shared/board/reader.ts';
import type { BoardTask } from '../../shared/board/schema.ts';
import { todayInVietnam, addDays } from '../../shared/time/dates.ts';
import { Board } from '../../extension/entrypoints/sidepanel/board/BoardPanel.tsx';
import { BoardColumn } from '../../extension/entrypoints/sidepanel/board/BoardColumn.tsx';
import { openBoardPersistence } from '../../extension/board/boardPersistence.ts';
import '../../extension/ui/panel.css';

const COLUMNS = ['todo', 'doing', 'waiting', 'done'];
const PEOPLE = ['Lan', 'Minh', 'Hoa'];
const MOVES = 30;
const params = new URLSearchParams(location.search);
const mode = params.get('mode')!;
const n = Number(params.get('n'));
const root = createRoot(document.getElementById('root')!);
const report = (result: unknown) => Object.assign(window, { benchResult: result });
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function openJsonStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('bench-json', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('boards');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function seed(): Promise<void> {
  await clearDocument(`bench-${n}`);
  const doc = new Y.Doc();
  const orders = orderSequence(n);
  const today = todayInVietnam();
  const ctx = { user: 'Lan', at: '2024-03-12T08:00:00+07:00', origin: 'seed' };
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      createTask(doc, {
        id: `t${i}`,
        title: `Việc số ${i}: rà soát thủ tục lĩnh vực ${i % 40}`,
        column: COLUMNS[i % COLUMNS.length],
        due: addDays(today, (i % 60) - 20),
        assignees: [PEOPLE[i % PEOPLE.length]!],
        labels: i % 7 === 0 ? ['gấp'] : [],
        links: i % 5 === 0 ? { procedureCode: `1.00${1000 + (i % 40)}` } : {},
      }, ctx, { order: orders[Math.floor(i / COLUMNS.length)]! });
    }
  });
  const persistence = new IndexeddbPersistence(`bench-${n}`, doc);
  await persistence.whenSynced;
  const db = await new Promise<IDBDatabase>((resolve) => {
    const req = indexedDB.open(`bench-${n}`);
    req.onsuccess = () => resolve(req.result);
  });
  const updates = await request(db.transaction('updates').objectStore('updates').getAll()) as Uint8Array[];
  db.close();
  await persistence.destroy();
  const tasks = readBoard(doc).tasks;
  const json = JSON.stringify(tasks);
  const jsonDb = await openJsonStore();
  await request(jsonDb.transaction('boards', 'readwrite').objectStore('boards').put(json, n));
  jsonDb.close();
  report({ ydocBytes: updates.reduce((sum, u) => sum + u.byteLength, 0), jsonBytes: new Blob([json]).size, tasks: tasks.length });
}

/** Moves the first task of one column to the top of the next, MOVES times; each timed to the end of React's commit. */
async function timeMoves(move: (k: number) => void): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < MOVES; k++) {
    const start = performance.now();
    flushSync(() => move(k));
    times.push(performance.now() - start);
    await frame();
  }
  return times;
}

async function openYjs(): Promise<void> {
  const start = performance.now();
  const doc = new Y.Doc();
  await openBoardPersistence(`bench-${n}`, doc);
  const loaded = performance.now();
  flushSync(() => root.render(<Board doc={doc} me="Lan" peers={[]} onEditing={() => undefined} />));
  const rendered = performance.now();
  const cards = document.querySelectorAll('.board-card').length;
  await frame();
  const ctx = { user: 'Lan', at: '2024-03-12T08:00:00+07:00', origin: 'bench' };
  const moves = await timeMoves((k) => {
    const from = COLUMNS[k % COLUMNS.length]!;
    const to = COLUMNS[(k + 1) % COLUMNS.length]!;
    const column = document.querySelector(`[data-column-id="${to}"] [data-task-id]`)?.getAttribute('data-task-id') ?? null;
    const id = document.querySelector(`[data-column-id="${from}"] [data-task-id]`)!.getAttribute('data-task-id')!;
    moveTask(doc, id, { column: to, afterId: null, beforeId: column }, ctx);
  });
  report({ loadMs: loaded - start, openMs: rendered - start, cards, moves });
}

function JsonBoard({ initial, onReady }: { initial: BoardTask[]; onReady: (move: (k: number) => void) => void }) {
  const [tasks, setTasks] = useState(initial);
  const today = todayInVietnam();
  onReady((k) => {
    const from = COLUMNS[k % COLUMNS.length]!;
    const to = COLUMNS[(k + 1) % COLUMNS.length]!;
    setTasks((current) => {
      const moving = current.find((task) => task.column === from)!;
      const first = current.find((task) => task.column === to && task.id !== moving.id);
      const order = orderBetween(null, first?.order ?? null);
      return current.map((task) => (task.id === moving.id ? { ...task, column: to, order } : task))
        .sort((a, b) => COLUMNS.indexOf(a.column) - COLUMNS.indexOf(b.column) || (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
    });
  });
  return (
    <DndContext>
      <div className="board-columns">
        {COLUMNS.map((id) => (
          <BoardColumn key={id} column={{ id, title: id, order: id, archived: false }} tasks={tasks.filter((t) => t.column === id)}
            height={600} today={today} peers={[]} onOpen={() => undefined} onKeyMove={() => undefined} />
        ))}
      </div>
    </DndContext>
  );
}

async function openJson(): Promise<void> {
  const start = performance.now();
  const db = await openJsonStore();
  const json = await request(db.transaction('boards').objectStore('boards').get(n)) as string;
  const tasks = JSON.parse(json) as BoardTask[];
  const loaded = performance.now();
  let move: (k: number) => void = () => undefined;
  flushSync(() => root.render(<JsonBoard initial={tasks} onReady={(m) => { move = m; }} />));
  const rendered = performance.now();
  const cards = document.querySelectorAll('.board-card').length;
  await frame();
  const moves = await timeMoves((k) => move(k));
  db.close();
  report({ loadMs: loaded - start, openMs: rendered - start, cards, moves });
}

const run = { seed, open: openYjs, 'open-json': openJson }[mode];
run!().catch((error: unknown) => report({ error: String(error) }));
