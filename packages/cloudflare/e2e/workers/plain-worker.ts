// The smallest wrapped Worker: used where only start-up behaviour matters.
import { withLLMScope } from "../../src/index.ts";

export default withLLMScope({
  fetch() {
    return new Response("ok");
  },
});
