// A raw HTTP/1.1 client for what fetch cannot do: send the headers and part of
// a body, then stall, and see whether (and what) the server answers meanwhile.
import { connect, type Socket } from "node:net";

export interface StalledRequest {
  socket: Socket;
  /** the status line's code and the body of the first answer, once it comes */
  response: Promise<{ status: number; text: string }>;
}

/** opens a request declaring `declaredBytes` of body and sends only `sentBytes` of it */
export function stalledRequest(url: string, method: string, path: string, headers: Record<string, string>, declaredBytes: number, sentBytes: number): StalledRequest {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on("error", () => {});
  const head = Object.entries({ host: `${hostname}:${port}`, "content-length": String(declaredBytes), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n`);
  if (sentBytes > 0) socket.write(Buffer.alloc(sentBytes, "x"));
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    let raw = "";
    const done = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`));
      resolve({ status, text: raw.slice(raw.indexOf("\r\n\r\n") + 4) });
    };
    socket.on("data", (chunk) => {
      raw += chunk;
      const length = Number(/content-length: (\d+)/i.exec(raw)?.[1]);
      const bodyAt = raw.indexOf("\r\n\r\n");
      if (bodyAt >= 0 && Buffer.byteLength(raw.slice(bodyAt + 4)) >= length) done();
    });
    socket.on("close", () => (raw ? done() : reject(new Error("closed without an answer"))));
  });
  // a request the test only holds open may be closed unanswered: that is not an error of its own
  response.catch(() => {});
  return { socket, response };
}
