// Days off for public servants in 2025: Văn phòng Chính phủ 8726/VPCP-KGVX of 26/11/2024 and
// the press reports of it. 2/5 was swapped for Saturday 26/4.
import type { YearSchedule } from '../schedule.ts';

const vpcp = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ';

export const schedule2025: YearSchedule = {
  year: 2025,
  provisional: false,
  daysOff: [
    { date: '2025-01-01', reason: 'newYear', source: vpcp },
    { date: '2025-01-27', reason: 'tet', source: vpcp },
    { date: '2025-01-28', reason: 'tet', source: vpcp },
    { date: '2025-01-29', reason: 'tet', source: vpcp },
    { date: '2025-01-30', reason: 'tet', source: vpcp },
    { date: '2025-01-31', reason: 'tet', source: vpcp },
    { date: '2025-04-07', reason: 'hungKings', source: vpcp },
    { date: '2025-04-30', reason: 'reunification', source: vpcp },
    { date: '2025-05-01', reason: 'labourDay', source: vpcp },
    { date: '2025-05-02', reason: 'swap', source: vpcp },
    { date: '2025-09-01', reason: 'nationalDayAdjacent', source: vpcp },
    { date: '2025-09-02', reason: 'nationalDay', source: vpcp },
  ],
  workingSaturdays: [{ date: '2025-04-26', replaces: '2025-05-02', source: vpcp }],
};
