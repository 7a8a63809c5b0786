import { describe, expect, it } from 'vitest';
import { publicationsFromFile } from './publicationFile.ts';
import { problemOf } from '../../../ui/problemOf.ts';

const none = { ministryListDate: null, publicationDate: null, internalProcessDate: null, eProcessDate: null, postedDate: null, webPostedDate: null, nationalDbDate: null, provincialSystemDate: null };

describe('publicationsFromFile', () => {
  it('reads a CSV with the CLI column names and a BOM, as spreadsheets save it', () => {
    const csv = '\uFEFFprocedureCode,procedureName,publicationDate,postedDate\r\n1.001612,Cấp phép xây dựng,2024-03-01,\r\n2.000001,"Đăng ký, hộ kinh doanh",01/03/2024,05/03/2024\r\n';
    expect(publicationsFromFile('list.csv', csv)).toEqual([
      { ...none, procedureCode: '1.001612', procedureName: 'Cấp phép xây dựng', publicationDate: '2024-03-01' },
      { ...none, procedureCode: '2.000001', procedureName: 'Đăng ký, hộ kinh doanh', publicationDate: '2024-03-01', postedDate: '2024-03-05' },
    ]);
  });

  it('reads a JSON array of records', () => {
    const json = JSON.stringify([{ procedureCode: '1.001612', procedureName: 'A', publicationDate: '2024-03-01', ministryListDate: '2024-02-20' }]);
    expect(publicationsFromFile('records.json', json)).toEqual([
      { ...none, procedureCode: '1.001612', procedureName: 'A', publicationDate: '2024-03-01', ministryListDate: '2024-02-20' },
    ]);
  });

  it('names the spreadsheet row of an impossible date', () => {
    const csv = 'procedureCode,procedureName,publicationDate\n1.001612,A,2024-03-01\n1.001613,B,2024-02-30\n';
    const problem = problemOf(() => publicationsFromFile('list.csv', csv));
    expect(problem.key).toBe('panel.publication.badDate');
    expect(problem.row).toBe(3);
  });

  it('refuses a file that is neither records JSON nor a CSV with the columns', () => {
    expect(problemOf(() => publicationsFromFile('x.json', '{"procedureCode": "1"')).key).toBe('panel.import.badJson');
    expect(problemOf(() => publicationsFromFile('x.json', '{"procedureCode": "1"}')).key).toBe('panel.import.notArray');
    expect(problemOf(() => publicationsFromFile('x.csv', 'name,date\nA,2024-01-01')).key).toBe('panel.import.noHeader');
    expect(problemOf(() => publicationsFromFile('x.csv', 'procedureCode,publicationDate\n')).key).toBe('panel.import.empty');
    expect(problemOf(() => publicationsFromFile('x.csv', 'procedureCode,publicationDate\n1.001612,"2024-03-01\n')).key).toBe('panel.import.badCsv');
  });
});
