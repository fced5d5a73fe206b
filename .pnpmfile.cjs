// Native addons (better-sqlite3) that find no prebuilt binary fall back to
// node-gyp, which downloads Node's headers unless told where they are. Every
// Node install that can build addons ships them beside its binary
// (<prefix>/include/node), so point node-gyp there when they match the running
// Node. pnpm passes only a few variables to install scripts, so this has to be
// said here rather than in ~/.npmrc or the shell. Where the headers are missing
// or belong to another version, node-gyp keeps its own default (a download).
const fs = require("node:fs");
const path = require("node:path");

function localNodeHeaders() {
  const prefix = path.resolve(path.dirname(process.execPath), "..");
  try {
    const header = fs.readFileSync(path.join(prefix, "include", "node", "node_version.h"), "utf8");
    const part = (name) => header.match(new RegExp(`#define NODE_${name}_VERSION (\\d+)`))?.[1];
    const version = `v${part("MAJOR")}.${part("MINOR")}.${part("PATCH")}`;
    return version === process.version ? prefix : undefined;
  } catch {
    return undefined;
  }
}

// Inside the workspace every entry resolves to its TypeScript source through the
// "@llmscope/source" condition; a packed package ships dist/ only, so the
// condition is taken out of the manifest that goes into the tarball.
const SOURCE_CONDITION = "@llmscope/source";
function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, entry]) => [key, withoutSourceCondition(entry)]),
  );
}

module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.exports) pkg.exports = withoutSourceCondition(pkg.exports);
      if (pkg.imports) pkg.imports = withoutSourceCondition(pkg.imports);
      return pkg;
    },
    updateConfig(config) {
      const nodedir = process.env.npm_config_nodedir || localNodeHeaders();
      if (nodedir) config.extraEnv = { ...config.extraEnv, npm_config_nodedir: nodedir };
      return config;
    },
  },
};
