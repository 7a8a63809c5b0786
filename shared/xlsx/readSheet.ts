// Reads the first sheet of an .xlsx: its cells as values (shared or inline strings, numbers), its
// merged ranges and how many formulas it holds. Used to import a plan table and to read the
// report's export back in tests. Unzipped with fflate; styles, dates and other sheets are ignored.
import { strFromU8, unzipSync } from 'fflate';

export interface ReadSheet {
  rows: (string | number | null)[][];
  merged: string[];
  formulas: number;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

export function readXlsx(bytes: Uint8Array): ReadSheet {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const strings = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const sheet = text('xl/worksheets/sheet1.xml');
  const rows = [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: (string | number | null)[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const index = columnIndex(cell[1] ?? 'A');
      const value = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(cell[3] ?? '')?.[1];
      while (cells.length < index) cells.push(null);
      if (value === undefined) cells[index] = inline === undefined ? null : decode(inline);
      else cells[index] = /t="s"/.test(cell[2] ?? '') ? (strings[Number(value)] ?? null) : /t="(str|inlineStr)"/.test(cell[2] ?? '') ? decode(value) : Number(value);
    }
    return cells;
  });
  return { rows, merged: [...sheet.matchAll(/<mergeCell ref="([A-Z0-9:]+)"/g)].map((m) => m[1] ?? ''), formulas: (sheet.match(/<f[ >]/g) ?? []).length };
}
