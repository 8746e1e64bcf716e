/**
 * One page (taskpane.html) loads the task pane, the custom functions and the ribbon commands: they share one
 * JavaScript runtime (manifest: SharedRuntime, Runtime resid = CustomFunctions Page = FunctionFile).
 * They also share one webpack runtime (runtime.js) and split chunks: a module used by the functions and the pane
 * (decimal.js, src/core, the rule tables) is loaded and evaluated once, and the pages other than the first, the
 * use cases behind src/app/catalogue and their libraries load on demand (import()), after the first render.
 * functions.js (the manifest's Functions.Script.Url) therefore runs only after runtime.js and its shared chunks:
 * in the shared runtime Office loads it through taskpane.html, which lists them all in order. The FEC worker
 * (fecWorker.js) stays one self-contained file with its own runtime.
 *
 * Environment:
 *   PRODBOOK_URL      production base URL written into dist/manifest.xml (default PRODUCTION_URL below);
 *   LOCAL_OFFICE_JS=1 (or --env officeJsLocal) the page loads office.js from "office-js/office.js" (the dev server maps it to
 *                     node_modules/@microsoft/office-js/dist; the browser test routes it from disk) instead of
 *                     Microsoft's CDN. Never for production: the npm copy is not supported there.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const PRODUCTION_URL = "https://prodbook.example.org/addin/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_NPM_DIR = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
const OFFICE_JS_LOCAL = "office-js/office.js";
const WORKER_FEC = "./src/workers/fec.worker.ts";
const WORKER = "fecWorker";
const PORT = 3000;

/** A rule table without the research logs of its versions (see the JSON rule below). */
function sansRecherche(table) {
  for (const v of table.versions ?? []) delete v.recherche;
  return table;
}

function urlProduction() {
  const url = process.env.PRODBOOK_URL || PRODUCTION_URL;
  if (!/^https:\/\/.+\/$/.test(url))
    throw new Error(`PRODBOOK_URL doit être une URL https se terminant par « / » (reçu « ${url} »)`);
  return url;
}

/** https options for the dev server: the Office dev certificates when they can be installed, else none (http). */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // getHttpsServerOptions trusts the CA with sudo, which some Linux machines lack: reuse generated files if any.
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
    if (files.every((f) => fs.existsSync(f))) {
      return { key: fs.readFileSync(files[0]), cert: fs.readFileSync(files[1]), ca: fs.readFileSync(files[2]) };
    }
    console.warn(`Certificats de développement indisponibles (${e.message}) : le serveur démarre en http.`);
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const localOfficeJs = process.env.LOCAL_OFFICE_JS === "1" || Boolean(env && env.officeJsLocal);
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    functions: "./src/functions/functions.ts",
    commands: "./src/commands/commands.ts",
  };
  // Optional Web Worker (FEC parsing off the shared runtime's single thread), loaded as new Worker("fecWorker.js").
  if (fs.existsSync(path.resolve(__dirname, WORKER_FEC))) entry[WORKER] = WORKER_FEC;

  const serverOptions = env && env.WEBPACK_SERVE ? await httpsOptions() : undefined;

  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entries and the runtime keep their names (the manifest and taskpane.html point at them); the other chunks
      // carry a content hash in production, so a new release never meets an old chunk in a cache.
      filename: (d) =>
        dev || d.chunk.name === "runtime" || d.chunk.name in entry ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.src.json",
              // Types are checked once by `npm run typecheck`; ES modules let webpack tree-shake Fluent.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
        {
          // The rule tables reach the pane without their research logs (`recherche`: what was searched and not found,
          // for the next reviewer; never shown in the pane, ~10 KB gzip of the first load). `prodbook regles --json`
          // reads the files themselves and keeps them; the figures, sources and motifs are untouched.
          test: /[\\/]src[\\/]core[\\/]regles[\\/]data[\\/][^\\/]+\.json$/,
          type: "json",
          parser: { parse: (texte) => sansRecherche(JSON.parse(texte)) },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        templateParameters: { officeJsUrl: localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(DEV_URL).join(urlProduction());
            },
          },
        ],
      }),
    ],
    optimization: {
      // One webpack runtime for the page's three entries (modules shared, and evaluated once); the worker keeps its own.
      runtimeChunk: { name: (entree) => (entree.name === WORKER ? undefined : "runtime") },
      splitChunks: { chunks: (chunk) => chunk.name !== WORKER },
    },
    performance: { hints: dev ? false : "warning", maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: localOfficeJs ? [{ directory: OFFICE_JS_NPM_DIR, publicPath: "/office-js" }] : [],
      server: serverOptions ? { type: "https", options: serverOptions } : { type: "http" },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
