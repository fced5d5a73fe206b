// One explanation for a day's anomalies: the same incident usually shows in
// several measures and series, so the anomaly with the largest material
// impact is the headline, and the cause is looked for inside the flagged
// series (see narrowestCause). The whole app's breakdown of the headline's
// measure (analyzeRootCause) follows it as the further causes. When the
// headline is an hour's (a burst too short to move the day), the day is
// explained at that hour. A slowdown no narrower series carries is put on the
// provider most of whose calls, across its models, slowed (see
// slowedAcrossModels) rather than on whichever the app's p95 hangs on.
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { firstChangedCall } from "./first-changed-call.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { CARRIES, narrowestCause, type NamedCause } from "./narrowest-cause.ts";
import { onsetHour } from "./onset-hour.ts";
import { promptInside } from "./prompt-inside.ts";
import { FAMILY } from "./rank-causes.ts";
import { rootCauseSentence } from "./rca-sentence.ts";
import { slowedProvider } from "./slowed-across-models.ts";
import { analyzeRootCause, type Cause, type RootCause } from "./root-cause.ts";
import { windowOf } from "./time-window.ts";

export async function explainDay(store: CallStore, anomalies: readonly Anomaly[], historyDays = 28): Promise<RootCause | undefined> {
  const day = anomalies[0]?.day;
  if (day === undefined) return undefined;
  const sameDay = anomalies.filter((a) => a.day === day);
  // slower calls often follow from bigger ones (longer answers, a bigger model): speed heads only a day nothing else moved
  const other = sameDay.filter((a) => FAMILY[a.metric] !== "speed");
  const headline = (other.length ? other : sameDay).reduce((best, a) => (a.impact.dayShare > best.impact.dayShare ? a : best));
  const hour = headline.hour;
  const named = await narrowestCause(store, sameDay, headline, historyDays);
  const metric = named?.anomaly.metric ?? headline.metric;
  const rca = await analyzeRootCause(store, { metric, day, historyDays, ...(hour !== undefined ? { hour, hours: headline.hours ?? 1 } : {}) });
  // failures only the providers and models carry are named by their kind first, when one kind carries them
  const kind = rca.causes[0];
  if (!named && FAMILY[headline.metric] === "speed") {
    // a slowdown no narrower series carries: the provider whose models slowed, not whichever the app's p95 hangs on
    const provider = await slowedProvider(store, headline, historyDays);
    if (provider) return putFirst(store, rca, { ...provider, label: "provider", infrastructure: true }, historyDays);
  }
  if (!named || (named.infrastructure && kind?.dimension === "errorKind" && kind.share >= CARRIES)) return rca;
  const prompt = named.movedOnto ? undefined : await promptInside(store, named, historyDays);
  return putFirst(store, rca, prompt ? { ...named, ...prompt } : named, historyDays);
}

/** the named series first, with its own before and after and its own first changed call */
async function putFirst(store: CallStore, rca: RootCause, named: NamedCause, historyDays: number): Promise<RootCause> {
  const a = named.anomaly;
  const found = rca.causes.find((c) => c.dimension === named.label && c.key === a.key);
  const top: Cause = {
    key: a.key,
    dimension: named.label,
    contribution: found?.contribution ?? a.impact.amount,
    baselineShare: found?.baselineShare ?? 0,
    todayShare: found?.todayShare ?? 0,
    calls: found?.calls ?? 0,
    before: a.expected,
    after: a.value,
    z: a.score,
    spread: found?.spread ?? 0,
    share: Math.min(1, Math.max(found?.share ?? 0, named.carried)),
    score: found?.score ?? 1,
  };
  const causes = [top, ...rca.causes.filter((c) => c !== found)];
  const direction = METRIC_SPECS[a.metric].worse;
  const onset = a.hour === undefined ? await onsetHour(store, named.label, a.key, a.metric, a.day, direction, historyDays) : undefined;
  const window = windowOf(a.day, a.hour, a.hours);
  const searched = onset !== undefined ? { ...window, from: windowOf(a.day, onset).from } : window;
  const firstCall = await firstChangedCall(store, top, a.metric, searched);
  const { firstCall: _, ...rest } = rca;
  const result: RootCause = { ...rest, causes, sentence: "", ...(firstCall ? { firstCall } : {}) };
  result.sentence = rootCauseSentence(result);
  return result;
}
