// The cause is looked for inside the anomalous series, not in the whole app's
// total where a cheap prompt's change is lost in noise: of the series flagged
// with the headline's kind of impact (extra tokens, dollars, requests, failures,
// requests slowed), those that carry most of the headline's impact on their
// own, and of those the narrowest (fewest usual calls). A user who makes a
// runaway loop on her own is named before the prompt she loops on (when her
// own series was not flagged, too: see madeByOnePerson), a prompt
// before the feature and model it runs in. When the narrowest key's calls
// moved today onto a model they did not use before, the move is the cause:
// the model is named. A key new today (a nightly job's service user) is all
// excess, so it is named when it makes a good part of the change though not
// most of it; a slowdown flagged on one model, or on a workload, is its
// provider's when the provider's other calls slowed too, across its models
// (see slowedAcrossModels).
import type { CallStore } from "../store/call-store.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { movedOntoModel } from "./moved-onto-model.ts";
import { providerAnomaly, slowedAcrossModels, WORKLOADS } from "./slowed-across-models.ts";
import { madeByOne, madeByOnePerson } from "./made-by-one-person.ts";
import { failingWithProvider } from "./failing-with-provider.ts";
import { partMadeInside } from "./made-inside.ts";
import { FAMILY, USUAL_CAUSE } from "./rank-causes.ts";
import { windowOf } from "./time-window.ts";

/** the part of the headline's impact a series must carry by itself to explain it */
export const CARRIES = 0.7;
/** a series with this part of the app's usual calls is the app */
const WHOLE_APP = 0.9;
/** the part of the failures beyond its part of the calls a workload must carry to be their cause */
const OVER_SHARE = 0.25;
/** the part of the headline's impact a key new today must make to be named: what the keys carrying most of it leave over */
const NEW_KEY_PART = 1 - CARRIES;
/** the series whose rise one feature may have made: they make no calls of their own */
const MADE_BY_FEATURE: readonly Anomaly["dimension"][] = ["provider", "department"];
/** two series whose usual calls are this close cut out, as far as the rollups tell, the same calls */
const SAME_CALLS = 0.1;

export interface NamedCause {
  anomaly: Anomaly;
  /** the dimension as root cause names it: promptId or fingerprint for a prompt key */
  label: string;
  /** the part of the headline's impact this series carries */
  carried: number;
  /** named by the usual cause of slowness or failure, not by narrowness */
  infrastructure: boolean;
  /** the model the narrowest key's calls moved onto */
  movedOnto?: boolean;
}

export async function narrowestCause(store: CallStore, anomalies: readonly Anomaly[], headline: Anomaly, historyDays = 28): Promise<NamedCause | undefined> {
  const carriedOf = (a: Anomaly) => (headline.impact.amount > 0 ? Math.min(1, a.impact.amount / headline.impact.amount) : 0);
  const family = FAMILY[headline.metric];
  // extra calls, tokens or dollars one person made are hers, however wide the series that shows them (the whole app,
  // the provider of the one prompt she loops on): a loop is not the model it runs on
  const maker = await personWhoMade(store, headline, anomalies, historyDays);
  if (maker) return { anomaly: maker.anomaly, label: "user", carried: maker.part, infrastructure: false };
  const usual = USUAL_CAUSE[family];
  const rank = (a: Anomaly) => usual.indexOf(a.dimension === "prompt" ? "promptId" : a.dimension);
  // a series that is the whole app (one feature serving everything) narrows nothing down; a day's usual calls
  // are set against the app's day, an hour's against its hour
  const app = (a: Anomaly) => anomalies.find((x) => x.dimension === "all" && x.hour === a.hour)?.usualCalls ?? Infinity;
  const flagged = anomalies.filter((a) => a.dimension !== "all" && a.day === headline.day && !(a.usualCalls >= WHOLE_APP * app(a)));
  const carries = (a: Anomaly) => a.impact.floor === headline.impact.floor && carriedOf(a) >= CARRIES;
  // A slowdown's impact is the requests of the series it shows in, which a
  // department of slowed calls carries as well as the provider that slowed
  // them, and a failing provider's failures are carried as well by the model
  // most of its calls went to; the rollups cannot tell which, so the usual
  // cause of slowness or failure goes first, read from the day or any of its
  // hours. Failures one workload carries (a feature retrying into rate
  // limits) are that workload's.
  let candidates: Anomaly[];
  let infrastructure = false;
  if (family === "speed") {
    // of the slowed series, those carrying most of the headline's slowed requests (not one hour's stray p95 at
    // another provider beside a provider slowed all afternoon); any, when none carries it on its own
    const slowed = flagged.filter((a) => FAMILY[a.metric] === family);
    const carrying = slowed.filter(carries);
    (candidates = carrying.length ? carrying : slowed), (infrastructure = true);
  }
  else if (family === "errors") {
    const failing = flagged.filter((a) => FAMILY[a.metric] === family && carries(a));
    // a workload makes the failures when it carries far more of them than of the calls (a department that
    // makes most of the traffic also carries most of a failing provider's failures)
    candidates = failing.filter((a) => WORKLOADS.includes(a.dimension) && carriedOf(a) - a.usualCalls / app(a) >= OVER_SHARE);
    // nor when the provider's other calls failed about as often: then it is what the failing provider served
    const own: Anomaly[] = [];
    for (const a of candidates) if (!(await failingWithProvider(store, a))) own.push(a);
    candidates = own;
    if (!candidates.length) (candidates = failing), (infrastructure = true);
  } else {
    // A key new today (a nightly job's service user, a new snapshot) is all excess and news by itself: it is a
    // candidate when it makes a good part of the headline, though another change on the day (a department that
    // joined last week and still grows the total) leaves it short of most of it
    const sameKind = flagged.filter((a) => a.hour === headline.hour && a.impact.floor === headline.impact.floor);
    candidates = sameKind.filter((a) => carriedOf(a) >= CARRIES || (a.usualCalls === 0 && carriedOf(a) >= NEW_KEY_PART));
    // a person's size per request carries a workload's only by what her own calls in it added
    const inside: Anomaly[] = [];
    for (const a of candidates) if (((await partMadeInside(store, a, headline)) ?? 1) >= CARRIES) inside.push(a);
    candidates = inside;
  }
  if (!candidates.length) return undefined;
  const narrowest = [...candidates].sort((a, b) => {
    if (infrastructure && rank(a) !== rank(b)) return rank(a) - rank(b);
    // keys new today are all new calls: the widest of them arrived (a department onboarding, not its busiest new person)
    if (a.usualCalls === 0 && b.usualCalls === 0) return b.impact.amount - a.impact.amount;
    const same = Math.abs(a.usualCalls - b.usualCalls) <= SAME_CALLS * Math.max(a.usualCalls, b.usualCalls);
    return same ? rank(a) - rank(b) : a.usualCalls - b.usualCalls;
  });
  const best = narrowest[0]!;
  if (family === "speed") {
    const provider = await slowedAcrossModels(store, best, historyDays);
    if (provider) return { anomaly: provider, label: "provider", carried: carriedOf(best), infrastructure };
  }
  // failures a model carries (the provider's own series not flagged) are the provider's when its other models failed too
  const failedWith = family === "errors" && best.dimension === "model" ? await failingWithProvider(store, best) : undefined;
  if (failedWith) return { anomaly: await providerAnomaly(store, best, failedWith, historyDays), label: "provider", carried: carriedOf(best), infrastructure };
  // a workload's extra calls, tokens or dollars one person made (a client looping on one prompt) are hers
  // (the headline itself was asked first thing)
  const person = infrastructure || best === headline ? undefined : await personWhoMade(store, best, anomalies, historyDays);
  if (person) return { anomaly: person.anomaly, label: "user", carried: carriedOf(best) * person.part, infrastructure };
  const label = await labelOf(store, best);
  // a cache that stopped hitting is not explained by calls moving onto a model or snapshot: its own cache warms within
  // minutes; nor are a workload's own failures (its provider's other calls did not fail): its retries fail on whatever
  // model or snapshot its calls are on, one a provider started serving this week as well
  const moves = best.metric !== "cachedInputPerRequest" && family !== "errors";
  if (moves && best.dimension !== "model" && best.dimension !== "responseModel") {
    const model = await movedOntoModel(store, label, best, historyDays);
    if (model) return { anomaly: { ...best, dimension: "model", key: model }, label: "model", carried: carriedOf(best), infrastructure, movedOnto: true };
  }
  if (moves && best.dimension !== "responseModel") {
    const snapshot = await movedOntoModel(store, label, best, historyDays, "responseModel");
    if (snapshot) return { anomaly: { ...best, dimension: "responseModel", key: snapshot }, label: "responseModel", carried: carriedOf(best), infrastructure, movedOnto: true };
  }
  // extra requests, tokens or dollars a provider or a department carries, its calls on the models they always were,
  // that one feature made are the feature's (a retry storm's hour of retries; its day, where the feature's requests
  // spread more than its department's and only the department's were flagged): neither makes calls of its own
  const feature = infrastructure || !MADE_BY_FEATURE.includes(best.dimension) ? undefined : await madeByOne(store, best, CARRIES, historyDays, "feature");
  if (feature) return { anomaly: feature.anomaly, label: "feature", carried: carriedOf(best) * feature.part, infrastructure };
  return { anomaly: best, label, carried: carriedOf(best), infrastructure };
}

/**
 * the person who made a series' rise, unless it is tokens or dollars she made in no more requests than usual (her
 * requests not flagged) on calls that moved onto a model today: a workload's switch onto a dearer model takes its
 * busiest user's dollars with it, and the switch is the cause
 */
async function personWhoMade(store: CallStore, a: Anomaly, anomalies: readonly Anomaly[], historyDays: number): Promise<{ anomaly: Anomaly; part: number } | undefined> {
  const maker = await madeByOnePerson(store, a, CARRIES, historyDays);
  if (!maker || FAMILY[a.metric] !== "size") return maker;
  const busier = anomalies.some((x) => x.dimension === "user" && x.key === maker.anomaly.key && x.day === a.day && x.metric === "calls");
  return busier || !(await movedOntoModel(store, "user", maker.anomaly, historyDays)) ? maker : undefined;
}

async function labelOf(store: CallStore, a: Anomaly): Promise<string> {
  if (a.dimension !== "prompt") return a.dimension;
  return (await store.count({ promptId: a.key, ...windowOf(a.day, a.hour, a.hours) })) > 0 ? "promptId" : "fingerprint";
}
