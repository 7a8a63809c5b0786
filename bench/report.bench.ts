// `npm run bench:report`: Biểu 06 for 100,000 dossiers (the side panel's work when an officer opens
// Báo cáo), against a baseline measured in the same run on the same dossiers: the existing Chỉ
// tiêu computation (shared/indicators), which reads the same dates of every dossier once. Each
// timed report runs on fresh copies (nothing read before), except the one labelled otherwise.
// Target: the report within 300 ms.
import { computeIndicators, type IndicatorDossier } from '../shared/indicators/compute.ts';
import { plan2024Indicators } from '../shared/indicators/plan2024.ts';
import { buildForm06 } from '../shared/report/form06.ts';
import type { ReportDossier } from '../shared/report/input.ts';
import { parseReportPeriod } from '../shared/report/period.ts';
import { estimateProgress766 } from '../shared/report/progress766.ts';
import { loadavg } from 'node:os';
import { median } from './figures.ts';

const COUNT = 100_000;
const ROUNDS = 7;
const TARGET_MS = 300;
const DAY_MS = 86_400_000;

/** Deterministic dossiers over 2024, as the store keeps them: Vietnam-time instants, sectors at three levels. */
function dossiers(): ReportDossier[] {
  const sectors = ['Hộ tịch', 'Đất đai', 'Xây dựng', 'Tư pháp', 'Lao động', 'Giáo dục', 'Y tế', 'Giao thông'];
  const levels = ['Cấp Sở', 'Cấp huyện', 'Cấp xã'];
  const channels = ['online', 'direct', 'postal', 'unknown'] as const;
  const phases = ['active', 'active', 'active', 'active', 'paused', 'closed'] as const;
  const instant = (ms: number) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  return Array.from({ length: COUNT }, (_, i) => {
    const accepted = Date.UTC(2023, 11, 1) + ((i * 7919) % 400) * DAY_MS + (i % 9) * 3_600_000;
    const appointment = accepted + (3 + (i % 15)) * DAY_MS;
    const finished = i % 5 === 0 ? null : accepted + (1 + ((i * 31) % 20)) * DAY_MS;
    const phase = phases[i % phases.length]!;
    return {
      code: `000.00.${String(i % 90).padStart(2, '0')}.H48-${i}`,
      acceptedAt: instant(accepted),
      appointmentAt: instant(appointment),
      completedAt: i % 2 === 0 && finished !== null ? instant(finished) : null,
      returnedAt: finished === null ? null : instant(finished + DAY_MS),
      channel: channels[i % channels.length]!,
      sectorCode: null,
      sectorName: sectors[i % sectors.length]!,
      agencyLevel: levels[i % levels.length]!,
      agencyCode: null,
      phase,
      closedSeenAt: phase === 'closed' ? instant(accepted + 2 * DAY_MS) : null,
      supplementRequests: i % 11,
    };
  });
}

/** Median time of `run` over fresh copies of the dossiers (so no day read in an earlier round is reused). */
function timeOf(run: (dossiers: ReportDossier[]) => unknown): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const fresh = records.map((d) => ({ ...d }));
    const began = performance.now();
    run(fresh);
    samples.push(performance.now() - began);
  }
  return median(samples);
}

/** Median time of `run` on dossiers already placed once: the panel's next period, chart month or drill-down. */
function timeWarm(run: (dossiers: ReportDossier[]) => unknown): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const began = performance.now();
    run(records);
    samples.push(performance.now() - began);
  }
  return median(samples);
}

const records = dossiers();
const indicatorRecords: IndicatorDossier[] = records.map((d) => ({ code: d.code, acceptedAt: d.acceptedAt, appointmentAt: d.appointmentAt, returnedAt: d.returnedAt, channel: d.channel, paidOnline: null }));
const quarter = parseReportPeriod('2024-Q2');
const year = parseReportPeriod('2024');

const report = buildForm06(records, year);
if (report.total.received.total !== report.total.resolved.total + report.total.pending.total) throw new Error('the report does not add up');

const baseline = timeWarm(() => computeIndicators(plan2024Indicators, { period: '2024', dossiers: indicatorRecords }));
const reportYear = timeOf((d) => buildForm06(d, year));
const reportQuarter = timeOf((d) => buildForm06(d, quarter));
const reportWarm = timeWarm((d) => buildForm06(d, quarter));
const progress = timeOf((d) => estimateProgress766(d, year));

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`Biểu 06 over ${COUNT.toLocaleString('en')} dossiers (median of ${ROUNDS} runs; ${report.counted.toLocaleString('en')} counted in the year)`);
console.log(`  baseline, Chỉ tiêu rates (same dossiers)  ${ms(baseline)}`);
console.log(`  report, year 2024                        ${ms(reportYear)}  (${(reportYear / baseline).toFixed(2)}× baseline)`);
console.log(`  report, 2024-Q2                          ${ms(reportQuarter)}`);
console.log(`  report, 2024-Q2, dossiers placed before  ${ms(reportWarm)}  (another period, chart month or drill-down in the panel)`);
console.log(`  766 progress estimate, year 2024         ${ms(progress)}`);
console.log(`  target ≤ ${TARGET_MS} ms: ${reportYear <= TARGET_MS ? 'met' : 'NOT met'} (load average ${loadavg()[0]!.toFixed(1)} on ${navigator.hardwareConcurrency} cores)`);
