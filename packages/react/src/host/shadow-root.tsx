import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * Everything the devtools draw lives in a shadow root, so the page's CSS
 * cannot restyle them and their CSS cannot restyle the page. `all: initial`
 * on the host also stops inherited properties (font, color) from seeping in.
 */
const hostCss = ":host{all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483000;}";

export function ShadowRoot({ children, css }: { children: ReactNode; css: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    const container = document.createElement("div");
    container.className = "llmscope-root";
    root.appendChild(container);
    setMount(container);
    return () => {
      container.remove();
      setMount(null);
    };
  }, []);

  return (
    <div ref={hostRef} data-llmscope-devtools="">
      {mount &&
        createPortal(
          <>
            <style>{hostCss + css}</style>
            {children}
          </>,
          mount,
        )}
    </div>
  );
}
