import { useState } from "react";
import { formatBytes } from "../format.ts";

/** Above this many characters only the head renders until asked: a 1 MB answer must not freeze the page. */
export const collapseAt = 4000;

/** Text from the model or the user is only ever a text node: markup in it stays visible text. */
export function LongText({ text, className }: { text: string; className?: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > collapseAt;
  const shown = long && !expanded ? text.slice(0, collapseAt) : text;
  return (
    <div className={className}>
      <pre className="text">{shown}</pre>
      {long && (
        <button type="button" className="link" onClick={() => setExpanded((e) => !e)}>
          {expanded ? "Show less" : `Show all (${formatBytes(new Blob([text]).size)}, ${text.length.toLocaleString("en-US")} characters)`}
        </button>
      )}
    </div>
  );
}
