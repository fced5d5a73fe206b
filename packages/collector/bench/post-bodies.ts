// Posts prebuilt ingest bodies to a collector from several concurrent clients
// (each takes the next body when its last one is answered), failing on any
// answer but 200. A batch whose keep-alive connection the server closed while
// it sat idle (between passes, while the next bodies are built) is sent once
// more: ingest is idempotent on call ids, so nothing is stored twice.
export async function postBodies(url: string, list: string[], clients: number): Promise<void> {
  const post = async (body: string, again = true): Promise<void> => {
    let res: Response;
    try {
      res = await fetch(`${url}/v1/calls`, { method: "POST", headers: { authorization: "Bearer bench" }, body });
    } catch (err) {
      if (again && (err as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET") return post(body, false);
      throw err;
    }
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < list.length) await post(list[next++]!);
  }));
}
