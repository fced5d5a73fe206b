// What `#unreadable-answers` resolves to in Workers builds (the "workerd"
// condition): a Worker has no page origin, so a collector's answer is never
// hidden from it by CORS (see unreadable-answers.ts) and every send is read.
type Send = (mode?: RequestMode) => Promise<Response>;

export const unreadableAnswers = (_browser: boolean) => (_target: string, send: Send): Promise<Response> => send();
