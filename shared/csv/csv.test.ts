import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv.ts';

describe('CSV reader', () => {
  it('reads a header row and records, with quoted commas, doubled quotes, CRLF and a BOM', () => {
    const text = '\uFEFFcode,name\r\n1.1,"Cấp phép, ""mới"""\r\n1.2,Đăng ký\r\n';
    expect(parseCsv(text)).toEqual([
      { record: { code: '1.1', name: 'Cấp phép, "mới"' }, line: 2 },
      { record: { code: '1.2', name: 'Đăng ký' }, line: 3 },
    ]);
  });

  it('keeps line breaks inside quotes and numbers the lines of later rows correctly', () => {
    const rows = parseCsv('a,b\n"x\ny",1\nz,2\n');
    expect(rows[0]?.record.a).toBe('x\ny');
    expect(rows[1]?.line).toBe(4);
  });

  it('names the line of a row with the wrong number of cells', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/dòng 3.*line 3/);
  });

  it('names the line where an unterminated quote starts', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/dòng 2.*line 2/);
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv('')).toThrow(CsvError);
  });
});
