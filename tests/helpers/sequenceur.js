/**
 * Jest's order of the test files (jest.config.js testSequencer): the longest first, so that on the CI machine's two
 * workers no long file starts last and runs alone while the other worker waits.
 * Jest's own sequencer orders by the durations of the previous run (its cache) and, without them (a fresh CI
 * machine), by file size, which puts the browser tests (short files, 30–75 s each) near the end. Here a file without
 * a recorded duration gets an estimate from its folder, of the same order as the CI durations measured on 2 cores:
 * the browser (one Chromium per describe block), then LibreOffice recalculations (tests/formula) and the CLI (a
 * process or a workbook per test), then the rest by size as before. Failed files still come first.
 */
const Sequencer = require("@jest/test-sequencer").default;

/** Estimated seconds of a file never timed, by folder (tests/<dossier>/…). */
const ESTIMATIONS = { browser: 40, formula: 15, cli: 10, xlsx: 5 };

class Sequenceur extends Sequencer {
  sort(tests) {
    const taille = new Map();
    const poids = (t) => {
      if (!taille.has(t.path)) taille.set(t.path, t.context.hasteFS.getSize(t.path) ?? 0);
      return taille.get(t.path);
    };
    // The previous run's [status, milliseconds] of a file, through _getCache (public in the package's type
    // declarations; its hasFailed and time helpers are private).
    const cache = (t) => this._getCache(t)[t.path];
    const echoue = (t) => cache(t)?.[0] === 0;
    const estime = (t) => {
      const connu = cache(t)?.[1];
      if (connu) return connu;
      const dossier = t.path.split(/[\\/]tests[\\/]/)[1]?.split(/[\\/]/)[0];
      // Milliseconds, as Jest records them; unknown folders keep size order below the estimated ones.
      return (ESTIMATIONS[dossier] ?? 0) * 1000;
    };
    for (const t of tests) t.duration = estime(t);
    return tests.sort((a, b) => {
      const [ea, eb] = [echoue(a), echoue(b)];
      if (ea !== eb) return ea ? -1 : 1;
      if (a.duration !== b.duration) return b.duration - a.duration;
      return poids(b) - poids(a);
    });
  }
}

module.exports = Sequenceur;
