import "./recorder.ts"; // first: patch fetch before any SDK client exists
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { LLMDevtools } from "@llmscope/react";
import { App } from "./App.tsx";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
    <LLMDevtools initialIsOpen />
  </StrictMode>,
);
