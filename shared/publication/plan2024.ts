// Section II of the Quảng Nam 2024 plan (Kế hoạch ban hành kèm Quyết định 467/QĐ-UBND ngày
// 05/3/2024), items 1 and 3–7. "Ngày thông thường" = calendar days, "ngày làm việc" = working days.
import type { PublicationRules } from './rules.ts';

const plan = 'Kế hoạch kèm QĐ 467/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Quảng Nam';

export const plan2024Rules: PublicationRules = {
  id: 'quang-nam-2024',
  title: plan,
  beforeReading: 'onNthDay',
  rules: [
    {
      step: 'publication',
      done: 'publicationDate',
      deadlines: [{ days: 10, unit: 'calendar', from: 'ministryListDate', wording: 'before' }],
      combine: 'earliest',
      // Procedures set by the province's own legal documents have no ministry list (item II.2).
      whenTriggerMissing: 'not_applicable',
      source: `${plan}, mục II.1`,
    },
    {
      step: 'internalProcess',
      done: 'internalProcessDate',
      deadlines: [{ days: 7, unit: 'calendar', from: 'publicationDate', wording: 'before' }],
      combine: 'earliest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.3`,
    },
    {
      step: 'eProcess',
      done: 'eProcessDate',
      // 3 days after the internal process is approved, and the whole item within 10 days of publication.
      deadlines: [
        { days: 3, unit: 'calendar', from: 'internalProcessDate', wording: 'atLatest' },
        { days: 10, unit: 'calendar', from: 'publicationDate', wording: 'before' },
      ],
      combine: 'earliest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.3`,
    },
    {
      step: 'posting',
      done: 'postedDate',
      deadlines: [{ days: 3, unit: 'working', from: 'publicationDate', wording: 'atLatest' }],
      combine: 'earliest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.4`,
    },
    {
      step: 'webPosting',
      done: 'webPostedDate',
      deadlines: [{ days: 3, unit: 'working', from: 'publicationDate', wording: 'atLatest' }],
      combine: 'earliest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.5`,
    },
    {
      step: 'nationalDb',
      done: 'nationalDbDate',
      // "Trước 05 ngày … kể từ Quyết định công bố; hoặc trước 15 ngày … từ Danh mục của Bộ": either suffices.
      deadlines: [
        { days: 5, unit: 'calendar', from: 'publicationDate', wording: 'before' },
        { days: 15, unit: 'calendar', from: 'ministryListDate', wording: 'before' },
      ],
      combine: 'latest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.6`,
    },
    {
      step: 'provincialSystem',
      done: 'provincialSystemDate',
      deadlines: [{ days: 5, unit: 'calendar', from: 'publicationDate', wording: 'atLatest' }],
      combine: 'earliest',
      whenTriggerMissing: 'pending',
      source: `${plan}, mục II.7`,
    },
  ],
};
