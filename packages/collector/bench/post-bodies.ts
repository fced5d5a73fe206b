// Posts prebuilt ingest bodies to a collector from several concurrent clients
// (each takes the next body when its last one is answered), failing on any
// answer but 200.
export async function postBodies(url: string, list: string[], clients: number): Promise<void> {
  const post = async (body: string) => {
    const res = await fetch(`${url}/v1/calls`, { method: "POST", headers: { authorization: "Bearer bench" }, body });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < list.length) await post(list[next++]!);
  }));
}
