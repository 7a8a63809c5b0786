// The announced schedules. To add a year: copy the newest file, fill in every day off and every
// swapped working Saturday with its source document, and list it here.
import type { YearSchedule } from '../schedule.ts';
import { schedule2024 } from './2024.ts';
import { schedule2025 } from './2025.ts';
import { schedule2026 } from './2026.ts';

export const announcedSchedules: readonly YearSchedule[] = [schedule2024, schedule2025, schedule2026];
