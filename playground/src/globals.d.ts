/// <reference types="vite/client" />
/** set by vite.config.ts from the dev server's environment */
declare const __LLMSCOPE_BEACON__: string;
declare const __LLMSCOPE_WRITE_KEY__: string;
declare const __REAL_PROVIDERS__: string[];
