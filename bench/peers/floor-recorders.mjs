// The floor under any recorder that works at fetch level, as llmscope does:
// fetch wrappers a few lines long, for blocks.mjs --floor, to measure
// beside llmscope's recording in one process, and as two rows of the peer
// table (variants/index.mjs: floor-capture, floor-read). Each sees a JSON answer as the
// app reads it (its json() shadowed on a prototype of the Response's own, as
// llmscope does in Node: no clone, no stream in between); the first two keep
// what they took in a ring of 1,000, as memorySink keeps calls.
//   capture: the request's body and the answer's text, kept as they are
//   read:    the same, and in a later task both bodies parsed and a small
//            record kept (model, messages, completion, usage, headers)
//   send:    (given a beacon sink) the capture handed, as a record holding
//            an id, times, the URL, the status and both raw bodies and
//            nothing parsed, to that sink with its bodies on: what a
//            recorder would pay that left all reading to the collector
// None builds the rest of what a record of llmscope holds (the prompt as
// text, parameters, a fingerprint, an error class, a price) nor scrubs a
// secret: the difference between them and llmscope is what that costs.

/** a ring of the latest 1,000 things kept; count: how many were ever kept */
function ring() {
  const kept = [];
  let oldest = 0;
  const keep = (x) => {
    keep.count++;
    if (kept.length < 1000) kept.push(x);
    else (kept[oldest] = x), (oldest = (oldest + 1) % 1000);
  };
  keep.count = 0;
  return keep;
}

/** a fetch wrapper that hands `seen` each JSON answer's text as the app reads it, with the request's init, the Response and when the request left */
function wrapper(seen) {
  const inits = new WeakMap();
  const { text } = Response.prototype;
  const shadow = Object.create(Response.prototype, {
    json: {
      configurable: true,
      writable: true,
      value() {
        const { init, startedAt } = inits.get(this);
        return text.call(this).then((body) => (seen(init, this, body, startedAt), JSON.parse(body)));
      },
    },
  });
  // the fetch of the moment, as llmscope's wrap(fetch) is given it
  const original = fetch;
  return async (input, init) => {
    const startedAt = Date.now();
    const response = await original(input, init);
    inits.set(response, { init, startedAt });
    Object.setPrototypeOf(response, shadow);
    return response;
  };
}

/**
 * The wrappers by name (send only when given a sink: llmscope's beaconSink, its bodies on). Each has kept(): how
 * many answers it has kept or sent (streams, read past json(), are not seen); and flush(): resolves once what it
 * took so far is done with (read's parse waits a task; send's sink delivers)
 */
export function floorRecorders(sink) {
  const keepCaptured = ring();
  const keepRead = ring();
  const sent = { count: 0 };
  const counted = (wrapped, keep, flush = () => new Promise(setImmediate)) => Object.assign(wrapped, { kept: () => keep.count, flush });
  return {
    capture: counted(
      wrapper((init, _response, body) => keepCaptured({ request: init.body, response: body })),
      keepCaptured,
    ),
    read: counted(
      wrapper((init, response, body) =>
        setImmediate(() => {
          const request = JSON.parse(init.body);
          const answer = JSON.parse(body);
          const headers = Object.fromEntries(response.headers);
          keepRead({ request: init.body, response: body, model: request.model, messages: request.messages, completion: answer.choices[0].message.content, usage: answer.usage, headers });
        }),
      ),
      keepRead,
    ),
    ...(sink && { send: counted(wrapper(send(sink, sent)), sent, () => sink.flush()) }),
  };
}

/** the capture as a record with nothing parsed, written to sink (counted in sent.count) */
function send(sink, sent) {
  const sessionId = crypto.randomUUID();
  return (init, response, body, startedAt) => {
    sent.count++;
    const { origin, pathname } = new URL(response.url);
    sink.write({
      id: crypto.randomUUID(),
      sessionId,
      startedAt,
      endedAt: Date.now(),
      provider: "",
      operation: "chat",
      url: origin + pathname,
      method: "POST",
      status: response.status,
      stream: false,
      params: {},
      prompt: { messages: [], text: "" },
      completion: { text: "" },
      usage: { source: "provider" },
      timing: { durationMs: Date.now() - startedAt },
      tags: {},
      fingerprint: "",
      request: { headers: {}, body: init.body, bodyBytes: init.body.length },
      response: { headers: {}, body, bodyBytes: body.length },
    });
  };
}
