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

module.exports = {
  hooks: {
    updateConfig(config) {
      const nodedir = process.env.npm_config_nodedir || localNodeHeaders();
      if (nodedir) config.extraEnv = { ...config.extraEnv, npm_config_nodedir: nodedir };
      return config;
    },
  },
};
