// When people work: office hours on their region's clock with a lunch dip and
// a little evening work, weekends nearly empty, and regional public holidays
// on which a region works at a tenth of its usual level.
import type { Random } from "../seeded-random.ts";
import { weekdayOf } from "../../insights/robust-baseline.ts";
import { REGION_OFFSET, type Region } from "./organisation.ts";

/** share of a working day's activity in each local hour (0–23) */
const LOCAL_HOURS = [0, 0, 0, 0, 0, 0, 0.5, 2, 8, 12, 13, 11, 6, 9, 12, 12, 10, 7, 3, 2, 2, 1.5, 1, 0.5];
const HOUR_TOTAL = LOCAL_HOURS.reduce((a, b) => a + b, 0);

export const HOLIDAY_LEVEL = 0.1;

export const isWeekend = (day: number): boolean => weekdayOf(day) >= 5;

/** a local hour drawn from the office profile, as a UTC hour of the same or a neighbouring day (−1, 0, +1) */
export function drawUtcHour(region: Region, random: Random): { dayShift: number; hour: number } {
  let r = random.next() * HOUR_TOTAL;
  let local = 0;
  while (local < 23 && (r -= LOCAL_HOURS[local]!) >= 0) local++;
  const utc = local - REGION_OFFSET[region];
  return { dayShift: Math.floor(utc / 24), hour: ((utc % 24) + 24) % 24 };
}

/**
 * per region, its public holidays in the span: about one working day in twenty, none on a day `atWork` keeps for an
 * incident there (one needs its people at work to happen at all); the draw for such a day is still made, so every
 * other day's holidays are what they would have been
 */
export function regionalHolidays(firstDay: number, lastDay: number, random: Random, atWork: (region: Region, day: number) => boolean = () => false): Record<Region, Set<number>> {
  const holidays = { eu: new Set<number>(), us: new Set<number>(), apac: new Set<number>() };
  for (const region of Object.keys(holidays) as Region[]) {
    for (let day = firstDay; day <= lastDay; day++) if (!isWeekend(day) && random.next() < 0.05 && !atWork(region, day)) holidays[region].add(day);
  }
  return holidays;
}
