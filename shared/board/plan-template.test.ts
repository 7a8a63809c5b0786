import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueFromDeadline, parsePlanTemplate, planTemplate2024 } from './plan-template.ts';

const seed = readFileSync(join(import.meta.dirname, 'fixtures', 'ke-hoach-467-QD-UBND-2024.txt'), 'utf8');

describe('the 2024 plan template', () => {
  it('is exactly what the parser reads from the plan text (plan-2024.json is not edited by hand)', () => {
    const parsed = parsePlanTemplate(seed, { source: planTemplate2024.source, year: 2024 });
    expect(parsed).toEqual(planTemplate2024);
  });

  it('holds sections I to XI with the row count of each task table', () => {
    expect(planTemplate2024.sections.map((s) => [s.number, s.items.length])).toEqual([
      ['I', 4], ['II', 12], ['III', 3], ['IV', 3], ['V', 7], ['VI', 10], ['VII', 4], ['VIII', 3], ['IX', 3], ['X', 4], ['XI', 3],
    ]);
  });

  it('numbers sections by position, keeping the printed "XIII" of section VIII as printed', () => {
    const eighth = planTemplate2024.sections[7]!;
    expect(eighth.printedNumber).toBe('XIII');
    expect(eighth.title).toBe('Công tác truyền thông hoạt động kiểm soát TTHC');
  });

  it('joins a row split by a page break and keeps lead, coordinating agencies and deadline', () => {
    const row = planTemplate2024.sections[1]!.items.find((item) => item.id === 'II.3')!;
    expect(row.lead).toEqual(['Cơ quan chuyên môn thuộc UBND tỉnh và Ban Quản lý các Khu kinh tế và Khu công nghiệp']);
    expect(row.coordinating).toEqual(['Văn phòng UBND tỉnh', 'UBND cấp huyện', 'UBND cấp xã']);
    expect(row.deadline).toMatch(/Phê duyệt quy trình nội bộ trước 07 ngày; - Thiết lập quy trình điện tử chậm nhất là 03 ngày\.$/);
    const split = planTemplate2024.sections[5]!.items.find((item) => item.id === 'VI.9')!;
    expect(split.content).toContain('Kế hoạch số 2693/KH-UBND ngày 10/5/2021');
  });

  it('keeps a dash inside an agency name ("Đài Phát thanh - Truyền hình tỉnh")', () => {
    expect(planTemplate2024.sections[7]!.items[0]!.coordinating).toEqual(['Báo Quảng Nam', 'Đài Phát thanh - Truyền hình tỉnh']);
  });

  it('has no item text left with markup from the source', () => {
    const text = JSON.stringify(planTemplate2024);
    expect(text).not.toMatch(/<\/?(i|ul)\b/);
  });
});

describe('a plan deadline as a date', () => {
  it('reads "Trước ngày d/m/yyyy" and the end of the last quarter named', () => {
    expect(dueFromDeadline('Trước ngày 05/03/2024')).toBe('2024-03-05');
    expect(dueFromDeadline('Quý I/2024')).toBe('2024-03-31');
    expect(dueFromDeadline('Quý I, II/2024')).toBe('2024-06-30');
    expect(dueFromDeadline('Quý I, II, III, IV/2024')).toBe('2024-12-31');
  });

  it('gives no date for recurring or relative deadlines, nor for the date of a cited plan', () => {
    expect(dueFromDeadline('Thường xuyên')).toBeNull();
    expect(dueFromDeadline('Chậm nhất là 03 ngày làm việc kể từ ngày quyết định công bố')).toBeNull();
    expect(dueFromDeadline('Theo Kế hoạch số 8067/KH-UBND ngày 02/12/2022 của UBND tỉnh')).toBeNull();
  });
});
