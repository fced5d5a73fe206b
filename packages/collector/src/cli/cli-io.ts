// What every command shares: where output goes, and a failure type whose
// message is shown without a stack trace.
import { terminalSafe } from "./terminal-safe.ts";

export class UsageError extends Error {}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(terminalSafe(t)),
  err: (t) => process.stderr.write(terminalSafe(t)),
};
