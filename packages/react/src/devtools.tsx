import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import type { Recorder } from "@llmscope/core";
import { createCallStore } from "./store/call-store.ts";
import { createTraceStore } from "./store/trace-store.ts";
import { connectRecorder } from "./store/connect-recorder.ts";
import { DevtoolsContext, type DevtoolsContextValue } from "./store/use-call-store.ts";
import { createPrefsStore, type PrefsStore } from "./host/prefs.ts";
import { ShadowRoot } from "./host/shadow-root.tsx";
import { ToggleButton } from "./host/toggle-button.tsx";
import { toggleCss } from "./host/toggle-css.ts";
import { useShortcut } from "./host/use-shortcut.ts";
import { useResolvedTheme } from "./host/use-theme.ts";
import { useInstalledRecorder } from "./host/use-installed-recorder.ts";
import { defaultMaxCalls, defaultShortcut, defaultStorageKey, type LLMDevtoolsProps } from "./options.ts";

// The panel is its own chunk: pages pay for it only when someone opens it.
const Panel = lazy(() => import("./panel/panel.tsx"));

export function Devtools(props: LLMDevtoolsProps) {
  const recorder = useInstalledRecorder(props.recorder);
  if (!recorder) return null;
  return <ConnectedDevtools {...props} recorder={recorder} />;
}

function ConnectedDevtools(props: LLMDevtoolsProps & { recorder: Recorder }) {
  const { recorder, position = "bottom-right", shortcut = defaultShortcut } = props;
  const maxCalls = props.maxCalls ?? defaultMaxCalls;
  const [store] = useState(createCallStore);
  const [traces] = useState(createTraceStore);
  const [prefs] = useState<PrefsStore>(() =>
    createPrefsStore(props.storageKey ?? defaultStorageKey, props.initialIsOpen ?? false),
  );
  useEffect(() => {
    const connection = connectRecorder(store, recorder, maxCalls, traces);
    return () => connection.disconnect();
  }, [store, traces, recorder, maxCalls]);

  const open = useStore(prefs, (p) => p.open);
  const theme = useResolvedTheme(useStore(prefs, (p) => p.theme));
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // focus goes back where it came from when the panel closes
    if (wasOpen.current && !open) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const toggle = useCallback(() => prefs.setState((p) => ({ open: !p.open })), [prefs]);
  const close = useCallback(() => prefs.setState({ open: false }), [prefs]);
  useShortcut(shortcut, toggle);
  const context = useMemo<DevtoolsContextValue>(() => ({ store, traces, recorder, maxCalls }), [store, traces, recorder, maxCalls]);

  return (
    <ShadowRoot css={toggleCss}>
      <div className="llmscope-theme" data-theme={theme}>
        <DevtoolsContext.Provider value={context}>
          <ToggleButton ref={toggleRef} store={store} position={position} open={open} onToggle={toggle} />
          {open && (
            <Suspense fallback={<div className="toggle-loading" role="status">Loading LLM devtools…</div>}>
              <Panel prefs={prefs} onClose={close} />
            </Suspense>
          )}
        </DevtoolsContext.Provider>
      </div>
    </ShadowRoot>
  );
}
