// A robust, weekly-seasonal baseline for one daily series: the median of the
// previous weeks after dividing out each weekday's typical level, with the
// spread from the median absolute deviation. Medians ignore the odd incident
// day inside the history, which a mean and standard deviation would not. Real
// series are often skewed (a light user active two days a week, a prompt whose
// cost hangs on a few huge inputs), where the MAD sees only the quiet days, so
// a volume's spread is also read from the history's upper tail: its 90th
// percentile stands ~1.28 sigma above the middle of a normal series.
import { median } from "../store/median.ts";

/** 1.4826 × MAD estimates a normal distribution's standard deviation */
const MAD_TO_SIGMA = 1.4826;
/** the 90th percentile of a normal distribution, in sigmas */
const Q90_SIGMAS = 1.2816;
/** a weekday's day below this share of the weekday's median is a holiday, not its usual level */
const HOLIDAY_SHARE = 0.2;
/** day 0 (1970-01-01) was a Thursday; weekday 0 is Monday */
export const weekdayOf = (day: number): number => (day + 3) % 7;

export interface Baseline {
  expected: number;
  /** robust standard deviation around expected, never below the floors */
  sigma: number;
  /** history days the baseline was built from */
  samples: number;
}

export interface BaselineOptions {
  /** divide out the weekday profile (for measures that follow traffic volume) */
  seasonal: boolean;
  /** sigma is at least this fraction of the expected value */
  relativeFloor: number;
  /** and at least this, in the measure's unit */
  absoluteFloor: number;
  /** also read the spread from the upper tail (volumes of intermittent keys; rates leave a rare huge call to the few-calls check) */
  upperTail?: boolean;
  /** the days the weekday profile is read from, where longer than the history (see PROFILE_DAYS) */
  profile?: readonly { day: number; value: number }[];
}

/** weekday → its median relative to the whole history's; 1 where a weekday has too few samples */
function weekdayFactors(history: readonly { day: number; value: number }[]): number[] {
  const overall = median(history.map((p) => p.value));
  const factors = new Array<number>(7).fill(1);
  if (!(overall > 0)) return factors;
  for (let w = 0; w < 7; w++) {
    const same = history.filter((p) => weekdayOf(p.day) === w).map((p) => p.value);
    // a public holiday works at a fraction of its weekday's level: it says nothing of the weekday's usual, and two
    // of four Fridays off would halve it
    const typical = median(same);
    const usual = same.filter((v) => v >= HOLIDAY_SHARE * typical);
    if (usual.length >= 2) factors[w] = Math.min(5, Math.max(0.2, median(usual) / overall));
  }
  return factors;
}

export function robustBaseline(history: readonly { day: number; value: number }[], day: number, options: BaselineOptions): Baseline | undefined {
  if (history.length === 0) return undefined;
  const factors = options.seasonal ? weekdayFactors(options.profile ?? history) : new Array<number>(7).fill(1);
  const adjusted = history.map((p) => p.value / factors[weekdayOf(p.day)]!);
  const center = median(adjusted);
  const mad = median(adjusted.map((v) => Math.abs(v - center)));
  const sorted = [...adjusted].sort((a, b) => a - b);
  const upperTail = options.upperTail ? (sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))]! - center) / Q90_SIGMAS : 0;
  const factor = factors[weekdayOf(day)]!;
  const expected = center * factor;
  const sigma = Math.max(MAD_TO_SIGMA * mad * factor, upperTail * factor, options.relativeFloor * Math.abs(expected), options.absoluteFloor);
  return { expected, sigma, samples: history.length };
}
