// Runs a Node script as a child process with extra environment variables.
import { spawn } from "node:child_process";

export function runScript(path: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { LLMSCOPE_TEST_POSTGRES_URL: _, ...inherited } = process.env;
    const child = spawn(process.execPath, [path], { env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
