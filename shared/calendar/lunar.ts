// The Vietnamese lunisolar calendar, for the holidays fixed by lunar dates (Tết, Giỗ Tổ Hùng Vương).
// Months start on the day of the new moon and the winter solstice falls in month 11, as in the
// method Hồ Ngọc Đức published for Vietnam; days are counted in UTC+7, which is why Vietnam's
// Tết differs from China's (UTC+8) in some years (1985, 2007). Astronomical terms are the
// low-precision series from Meeus, "Astronomical Algorithms", good to minutes for 1800–2200.
import { fromDayNumber, type CalendarDate } from '../time/dates.ts';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

const SYNODIC_MONTH = 29.530588853;
/** Julian Day of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian Day number of 1970-01-01, the origin of our day numbers. */
const UNIX_EPOCH_JULIAN_DAY = 2440588;
const RAD = Math.PI / 180;

/** Julian Day (UT) of the k-th new moon after January 1900. */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) + 0.0021 * Math.sin(2 * sunAnomaly)
    - 0.4068 * Math.sin(moonAnomaly) + 0.0161 * Math.sin(2 * moonAnomaly) - 0.0004 * Math.sin(3 * moonAnomaly)
    + 0.0104 * Math.sin(2 * latitudeArg) - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
    - 0.0074 * Math.sin(sunAnomaly - moonAnomaly) + 0.0004 * Math.sin(2 * latitudeArg + sunAnomaly)
    - 0.0004 * Math.sin(2 * latitudeArg - sunAnomaly) - 0.0006 * Math.sin(2 * latitudeArg + moonAnomaly)
    + 0.001 * Math.sin(2 * latitudeArg - moonAnomaly) + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // Ephemeris time runs ahead of universal time; the series changes before AD 800 (t < -11 centuries).
  const deltaT = t < -11
    ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return meanNewMoon + correction - deltaT;
}

/** The local civil Julian Day number on which the k-th new moon falls. */
function newMoonDay(k: number, offsetHours: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + offsetHours / 24);
}

/** Apparent solar longitude in radians [0, 2π) at a Julian Day (UT). */
function sunLongitude(julianDay: number): number {
  const t = (julianDay - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly)
    + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) + 0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Which of the 12 solar terms (30° sectors) the sun is in at the start of a local day. */
function solarSector(localJulianDay: number, offsetHours: number): number {
  return Math.floor((sunLongitude(localJulianDay - 0.5 - offsetHours / 24) / Math.PI) * 6);
}

/** Start of lunar month 11 (the month holding the winter solstice) of a Gregorian year. */
function month11Start(year: number, offsetHours: number): number {
  const lastDayOfYear = Date.UTC(year, 11, 31) / 86_400_000 + UNIX_EPOCH_JULIAN_DAY;
  const k = Math.floor((lastDayOfYear - 2415021) / SYNODIC_MONTH);
  const candidate = newMoonDay(k, offsetHours);
  // A new moon already past the solstice sector (sun longitude ≥ 270°) starts month 12.
  return solarSector(candidate, offsetHours) >= 9 ? newMoonDay(k - 1, offsetHours) : candidate;
}

/** In a 13-month year, how many months after month 11 the leap month (the first with no solar term) comes. */
function leapMonthOffset(month11: number, offsetHours: number): number {
  const k = Math.floor((month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let offset = 1;
  let sector = solarSector(newMoonDay(k + offset, offsetHours), offsetHours);
  let previous: number;
  do {
    previous = sector;
    offset += 1;
    sector = solarSector(newMoonDay(k + offset, offsetHours), offsetHours);
  } while (sector !== previous && offset < 14);
  return offset - 1;
}

/**
 * The Gregorian date of a day of the lunar calendar (non-leap months), e.g. lunarToSolar(10, 3, 2024)
 * for Giỗ Tổ 2024. The lunar year is named by the Gregorian year in which its month 1 begins.
 */
export function lunarToSolar(day: number, month: number, lunarYear: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS): CalendarDate {
  const [from, to] = month < 11 ? [lunarYear - 1, lunarYear] : [lunarYear, lunarYear + 1];
  const start = month11Start(from, offsetHours);
  const nextStart = month11Start(to, offsetHours);
  const k = Math.floor(0.5 + (start - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthsAfter = (month - 11 + 12) % 12;
  // 13 lunar months between two months 11: the leap month sits somewhere in between.
  if (nextStart - start > 365 && monthsAfter >= leapMonthOffset(start, offsetHours)) monthsAfter += 1;
  const julianDay = newMoonDay(k + monthsAfter, offsetHours) + day - 1;
  return fromDayNumber(julianDay - UNIX_EPOCH_JULIAN_DAY);
}

/** Mùng 1 Tết: the first day of the lunar year that begins in this Gregorian year. */
export function lunarNewYear(year: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS): CalendarDate {
  return lunarToSolar(1, 1, year, offsetHours);
}
