// Generates the demo portal's data deterministically (seeded PRNG): iGate-shaped procedures and
// dossiers with field names and timestamp formats as ../shared/domain.md gives them. Most dossiers were
// received in 2024; a slice of unfinished ones has appointments around `now`, so pending, due-soon
// and overdue cases exist whatever day the portal is started.
import {
  LOCAL_SUFFIX,
  applyMethods,
  departments,
  districts,
  familyNames,
  givenNames,
  middleNames,
  paymentMethods,
  procedures as catalogueProcedures,
  statuses,
  streets,
  type CatalogueProcedure,
} from './catalogue.ts';
import { addDays, vietnamDate, type CalendarDate } from './clock.ts';
import { nextWorkingDay, shiftWorkingDays } from './portal-calendar.ts';

export type Json = Record<string, unknown>;

export interface PortalAgency { id: string; code: string; name: string; level: { code: string; name: string } }

export interface PortalProcedure {
  id: string;
  /** The national portal's internal numeric id for its detail page. */
  nationalId: number;
  code: string;
  nationalCode: string;
  catalogue: CatalogueProcedure;
  agencies: PortalAgency[];
  json: Json;
}

export interface DemoData {
  now: Date;
  agencies: PortalAgency[];
  procedures: PortalProcedure[];
  /** Dossiers exactly as /pa/dossier/search returns them. */
  dossiers: Json[];
}

/** What a generated dossier is meant to show; the tests check the data really covers each. */
export type Scenario = 'early' | 'on_time' | 'late' | 'open_overdue' | 'recent' | 'registered' | 'awaiting' | 'suspended' | 'cancelled' | 'no_appointment';

const scenarioWeights: [Scenario, number][] = [
  ['early', 40], ['on_time', 18], ['late', 12], ['open_overdue', 4], ['recent', 9],
  ['registered', 2], ['awaiting', 3], ['suspended', 1], ['cancelled', 1], ['no_appointment', 1],
];

const HOUR = 3_600_000;
const VIETNAMESE = 228;
const ENGLISH = 46;

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(entries: readonly [T, number][]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/** An instant at a Vietnam wall-clock time. */
function vietnamInstant(date: CalendarDate, hour: number, minute: number, second = 0): number {
  return Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}+07:00`);
}

/** iGate's timestamp format, written at +0700 or at +0000 (both seen on real portals). */
export function portalTimestamp(ms: number, zone: '+0700' | '+0000'): string {
  return new Date(ms + (zone === '+0700' ? 7 * HOUR : 0)).toISOString().replace('Z', zone);
}

function makeAgencies(): PortalAgency[] {
  const department = departments.map((name, i) => ({ name, code: `000.00.${50 + i}.H48`, level: { code: 'SO', name: 'Cấp Sở' } }));
  const district = districts.map((name, i) => ({ name, code: `000.00.${20 + i}.H48`, level: { code: 'HUYEN', name: 'Cấp Huyện' } }));
  return [...department, ...district].map((agency, i) => ({ id: `6400000000000000000000${String(i).padStart(2, '0')}`, ...agency }));
}

function makeProcedures(agencies: PortalAgency[]): PortalProcedure[] {
  const districtAgencies = agencies.filter((a) => a.level.code === 'HUYEN');
  return catalogueProcedures.map((catalogue, i) => {
    const id = `6500000000000000000000${String(i).padStart(2, '0')}`;
    const code = `${catalogue.nationalCode}${LOCAL_SUFFIX}`;
    const handlers = catalogue.handler === 'district' ? districtAgencies : [agencies[catalogue.handler]!];
    const json: Json = {
      id,
      code,
      translate: [{ languageId: VIETNAMESE, name: catalogue.name }, { languageId: ENGLISH, name: '' }],
      sector: { id: `66000000000000000000${String(i).padStart(4, '0')}`, code: `LV${String(i + 1).padStart(3, '0')}`, name: catalogue.sector },
      agency: handlers.map((a) => ({ id: a.id, code: a.code, name: a.name })),
      level: { id: catalogue.level === 'Toàn trình' ? 4 : 3, name: catalogue.level },
      processingTime: catalogue.days,
      processingTimeUnit: 'd',
    };
    return { id, nationalId: 7000 + i * 37, code, nationalCode: catalogue.nationalCode, catalogue, agencies: handlers, json };
  });
}

interface Timeline {
  applied: number;
  accepted: number | null;
  appointment: number | null;
  returned: number | null;
  status: { id: number; name: string };
  /** The appointment written as 17:00 UTC of the day before, i.e. 00:00 in Vietnam (the trap ../shared/domain.md names). */
  midnightAppointment: boolean;
}

function morning(dice: Dice, date: CalendarDate): number {
  return vietnamInstant(date, dice.int(7, 11), dice.int(0, 59), dice.int(0, 59));
}

function afternoon(dice: Dice, date: CalendarDate): number {
  return vietnamInstant(date, dice.int(13, 16), dice.int(0, 44), dice.int(0, 59));
}

function appointmentInstant(date: CalendarDate, midnight: boolean): number {
  return midnight ? vietnamInstant(date, 0, 0) : vietnamInstant(date, 17, 0);
}

function timelineOf(scenario: Scenario, days: number, dice: Dice, now: Date, midnightAllowed: boolean): Timeline {
  const midnight = midnightAllowed && scenario !== 'on_time' && dice.chance(0.3);
  // "Mới đăng ký": applied for in the last three days of the portal's clock, not yet received.
  if (scenario === 'registered') return { applied: now.getTime() - dice.int(1, 72) * HOUR, accepted: null, appointment: null, returned: null, status: statuses.registered, midnightAppointment: false };
  const today = vietnamDate(now.getTime());
  if (scenario === 'recent') {
    // Appointment from 6 working days ago to 12 ahead of today, never received in the future.
    const offset = dice.int(-6, Math.min(12, days - 1));
    const appointmentDate = shiftWorkingDays(nextWorkingDay(today), offset);
    const acceptedDate = shiftWorkingDays(appointmentDate, -days);
    const status = dice.chance(0.85) ? statuses.processing : statuses.awaitingSupplement;
    const accepted = morning(dice, acceptedDate);
    return { applied: accepted - dice.int(0, 40) * HOUR, accepted, appointment: appointmentInstant(appointmentDate, midnight), returned: null, status, midnightAppointment: midnight };
  }
  const acceptedDate = nextWorkingDay(addDays('2024-01-01', dice.int(1, 364)));
  const appointmentDate = shiftWorkingDays(acceptedDate, days);
  const accepted = morning(dice, acceptedDate);
  const appointment = appointmentInstant(appointmentDate, midnight);
  const applied = accepted - dice.int(0, 40) * HOUR;
  const open = (status: Timeline['status']): Timeline => ({ applied, accepted, appointment, returned: null, status, midnightAppointment: midnight });
  switch (scenario) {
    case 'early':
      return { ...open(statuses.returned), returned: afternoon(dice, shiftWorkingDays(appointmentDate, -dice.int(1, Math.max(1, days - 1)))) };
    case 'on_time':
      return { ...open(statuses.returned), returned: afternoon(dice, appointmentDate) };
    case 'late':
      return { ...open(statuses.returned), returned: afternoon(dice, shiftWorkingDays(appointmentDate, dice.int(1, 8))) };
    case 'open_overdue':
      return open(statuses.processing);
    case 'awaiting':
      return open(statuses.awaitingSupplement);
    case 'suspended':
      return open(statuses.suspended);
    case 'cancelled':
      return open(statuses.cancelled);
    case 'no_appointment':
      return { ...open(statuses.processing), appointment: null };
  }
}

const taskStatusOf: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Đang thẩm định',
  3: 'Chờ công dân bổ sung',
  4: 'Đã trả kết quả',
  5: 'Tạm dừng',
  6: 'Đã hủy',
};

function nfd(text: string, decomposed: boolean): string {
  return decomposed ? text.normalize('NFD') : text;
}

function applicantOf(dice: Dice, agency: PortalAgency): Json {
  const district = agency.level.code === 'HUYEN' ? agency.name.replace(/^UBND /, '') : dice.pick(districts).replace(/^UBND /, '');
  return {
    data: {
      fullname: `${dice.pick(familyNames)} ${dice.pick(middleNames)} ${dice.pick(givenNames)}`,
      identityNumber: `049${dice.int(0, 3)}${String(dice.int(50, 99))}${String(dice.int(0, 999_999)).padStart(6, '0')}`,
      address: `${dice.int(1, 250)} ${dice.pick(streets)}, ${district}, tỉnh Quảng Nam`,
      phoneNumber: `09${String(dice.int(0, 99_999_999)).padStart(8, '0')}`,
    },
  };
}

function dossierJson(dice: Dice, procedure: PortalProcedure, agency: PortalAgency, timeline: Timeline, zone: '+0700' | '+0000'): Json {
  const decomposed = dice.chance(0.05);
  const stamp = (ms: number | null) => (ms === null ? null : portalTimestamp(ms, zone));
  const applyMethod = dice.weighted<(typeof applyMethods)[number]>([[applyMethods[0], 55], [applyMethods[1], 40], [applyMethods[2], 5]]);
  const applied = timeline.applied;
  const name = nfd(procedure.catalogue.name, decomposed);
  const json: Json = {
    id: `${Math.floor(applied / 1000).toString(16)}${dice.hex(16)}`,
    code: '',
    procedure: {
      id: procedure.id,
      code: procedure.code,
      ...(dice.chance(0.3) ? { name } : { translate: [{ languageId: VIETNAMESE, name }] }),
      sector: { id: (procedure.json.sector as Json).id, code: (procedure.json.sector as Json).code },
    },
    agency: { id: agency.id, name: nfd(agency.name, decomposed), code: agency.code },
    agencyLevel: agency.level,
    procedureLevel: { name: procedure.catalogue.level },
    dossierStatus: { id: timeline.status.id, name: nfd(timeline.status.name, decomposed) },
    dossierTaskStatus: { id: timeline.status.id, name: taskStatusOf[timeline.status.id] },
    appliedDate: stamp(applied),
    acceptedDate: stamp(timeline.accepted),
    appointmentDate: timeline.midnightAppointment && timeline.appointment !== null ? portalTimestamp(timeline.appointment, '+0000') : stamp(timeline.appointment),
    dueDate: stamp(timeline.appointment),
    applyMethod: { id: applyMethod.id, name: applyMethod.name },
    dossierReceivingKind: { name: applyMethod.id === 2 ? 'Nhận qua bưu chính công ích' : 'Nhận trực tiếp' },
    procedureProcessDefinition: {
      processDefinition: { processingTime: procedure.catalogue.days, processingTimeUnit: 'd', timesheet: { name: 'Ngày làm việc' } },
    },
    applicant: applicantOf(dice, agency),
  };
  if (!dice.chance(0.15)) json.paymentMethod = { name: applyMethod.id === 0 && dice.chance(0.7) ? paymentMethods[0] : dice.pick(paymentMethods.slice(1)) };
  // The return date's field name is not confirmed [U]: the demo portal uses both.
  if (timeline.returned !== null) json[dice.chance(0.7) ? 'returnedDate' : 'completedDate'] = stamp(timeline.returned);
  if (timeline.appointment === null && timeline.accepted !== null && dice.chance(0.5)) delete json.appointmentDate;
  return json;
}

/** Dossier codes: agency code, yymmdd of reception, a per-agency per-day sequence in order of application. */
function assignCodes(generated: { json: Json; timeline: Timeline }[]): void {
  const byOrder = [...generated].sort((a, b) => a.timeline.applied - b.timeline.applied);
  const sequences = new Map<string, number>();
  for (const { json, timeline } of byOrder) {
    const [yyyy, mm, dd] = vietnamDate(timeline.accepted ?? timeline.applied).split('-') as [string, string, string];
    const prefix = `${(json.agency as Json).code as string}-${yyyy.slice(2)}${mm}${dd}`;
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);
    json.code = `${prefix}-${String(sequence).padStart(4, '0')}`;
  }
}

export function generateDemoData(options: { now?: Date; seed?: number; dossierCount?: number } = {}): DemoData {
  const now = options.now ?? new Date();
  const dice = new Dice(options.seed ?? 2024);
  const agencies = makeAgencies();
  const procedures = makeProcedures(agencies);
  const procedureWeights = procedures.map((p): [PortalProcedure, number] => [p, p.catalogue.handler === 'district' ? 3 : 1]);
  const generated: { json: Json; timeline: Timeline }[] = [];
  for (let i = 0; i < (options.dossierCount ?? 21_000); i += 1) {
    const procedure = dice.weighted(procedureWeights);
    const agency = dice.pick(procedure.agencies);
    const zone = dice.chance(0.25) ? '+0000' : '+0700';
    const timeline = timelineOf(dice.weighted(scenarioWeights), procedure.catalogue.days, dice, now, zone === '+0000');
    generated.push({ json: dossierJson(dice, procedure, agency, timeline, zone), timeline });
  }
  assignCodes(generated);
  const dossiers = generated.map((g) => g.json);
  return { now, agencies, procedures, dossiers };
}
