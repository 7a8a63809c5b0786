// Days off for public servants in 2024 (Bộ Lao động – Thương binh và Xã hội notices; 1/1 and
// Giỗ Tổ follow the Labour Code directly). Tết fell on Saturday 10/2: the two weekend days of
// Tết gave 8/2 and 14/2 in lieu. 29/4 was swapped for Saturday 4/5.
import type { YearSchedule } from '../schedule.ts';

const molisa = 'Thông báo Bộ LĐTBXH về lịch nghỉ Tết, lễ năm 2024 (Bộ luật Lao động 2019 điều 112)';
const labourCode = 'Bộ luật Lao động 2019 điều 112';

export const schedule2024: YearSchedule = {
  year: 2024,
  provisional: false,
  daysOff: [
    { date: '2024-01-01', reason: 'newYear', source: labourCode },
    { date: '2024-02-08', reason: 'tet', source: molisa },
    { date: '2024-02-09', reason: 'tet', source: molisa },
    { date: '2024-02-12', reason: 'tet', source: molisa },
    { date: '2024-02-13', reason: 'tet', source: molisa },
    { date: '2024-02-14', reason: 'tet', source: molisa },
    { date: '2024-04-18', reason: 'hungKings', source: labourCode },
    { date: '2024-04-29', reason: 'swap', source: molisa },
    { date: '2024-04-30', reason: 'reunification', source: molisa },
    { date: '2024-05-01', reason: 'labourDay', source: molisa },
    { date: '2024-09-02', reason: 'nationalDay', source: molisa },
    { date: '2024-09-03', reason: 'nationalDayAdjacent', source: molisa },
  ],
  workingSaturdays: [{ date: '2024-05-04', replaces: '2024-04-29', source: molisa }],
};
