// Days off for public servants in 2026: Văn phòng Chính phủ 12729/VPCP-KGVX of 25/12/2025 and
// the press reports of it. 2/1 was swapped for Saturday 10/1; Giỗ Tổ fell on Sunday 26/4, so
// Monday 27/4 is off in lieu. Which day next to 2/9 (a Wednesday) is off was not confirmed when
// this file was written: 1/9 is the rules' choice (see rules.ts) and is marked unconfirmed.
import type { YearSchedule } from '../schedule.ts';

const vpcp = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ';
const labourCode = 'Bộ luật Lao động 2019 điều 112';

export const schedule2026: YearSchedule = {
  year: 2026,
  provisional: false,
  daysOff: [
    { date: '2026-01-01', reason: 'newYear', source: vpcp },
    { date: '2026-01-02', reason: 'swap', source: vpcp },
    { date: '2026-02-16', reason: 'tet', source: vpcp },
    { date: '2026-02-17', reason: 'tet', source: vpcp },
    { date: '2026-02-18', reason: 'tet', source: vpcp },
    { date: '2026-02-19', reason: 'tet', source: vpcp },
    { date: '2026-02-20', reason: 'tet', source: vpcp },
    { date: '2026-04-27', reason: 'inLieu', source: vpcp },
    { date: '2026-04-30', reason: 'reunification', source: vpcp },
    { date: '2026-05-01', reason: 'labourDay', source: vpcp },
    { date: '2026-09-01', reason: 'nationalDayAdjacent', source: `${labourCode} (ngày liền kề theo quy tắc, chưa được công bố)`, unconfirmed: true },
    { date: '2026-09-02', reason: 'nationalDay', source: labourCode },
  ],
  workingSaturdays: [{ date: '2026-01-10', replaces: '2026-01-02', source: vpcp }],
};
