// What every command shares: where output goes, and a failure type whose
// message is shown without a stack trace.
export class UsageError extends Error {}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};
