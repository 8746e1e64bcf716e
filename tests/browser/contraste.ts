import type { Page } from "playwright-core";

/**
 * Every text the pane shows that is too faint to read: each visible text (text nodes, and the values of fields) with
 * its computed colour against the background actually behind it (the element's and its ancestors' backgrounds,
 * translucent ones blended down to the page's canvas), by WCAG 2.1's contrast ratio. Body text needs 4.5:1, large text
 * (24 px, or 18.66 px bold) 3:1. Not counted, as WCAG does not count them: disabled controls, text hidden for screen
 * readers. Each fault is « ratio : text (colour on background) [data-testid] ».
 */
export async function textesIlisibles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // Colours are read once their transitions end (a button just enabled fades from its disabled grey); endless
    // animations (a spinner) are not waited for.
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    );
    type Rgba = [number, number, number, number];
    const sonde = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    /** Any CSS colour the browser computes (rgb(), rgba(), color(srgb …)) as sRGB 0..255 and alpha 0..1. */
    const rgba = (css: string): Rgba => {
      const m = css.match(/^rgba?\(([^)]+)\)$/);
      if (m) {
        const [r, g, b, a] = m[1]
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r, g, b, a ?? 1];
      }
      // Other syntaxes: drawn on a 1-pixel canvas and read back.
      sonde.clearRect(0, 0, 1, 1);
      sonde.fillStyle = css;
      sonde.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = sonde.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const sur = (haut: Rgba, bas: Rgba): Rgba => {
      const a = haut[3] + bas[3] * (1 - haut[3]);
      if (a === 0) return [0, 0, 0, 0];
      const c = (i: number) => (haut[i] * haut[3] + bas[i] * bas[3] * (1 - haut[3])) / a;
      return [c(0), c(1), c(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const l = (x: number) => {
        const c = x / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b);
    };
    // The canvas: the root's background, else the browser's (white, or dark under color-scheme: dark).
    const racine = rgba(getComputedStyle(document.documentElement).backgroundColor);
    const corps = rgba(getComputedStyle(document.body).backgroundColor);
    const schema = getComputedStyle(document.documentElement).colorScheme;
    const toile: Rgba = sur(
      corps,
      sur(racine, /\bdark\b/.test(schema) && !/\blight\b/.test(schema) ? [18, 18, 18, 1] : [255, 255, 255, 1]),
    );
    /** The background behind `e`: its own and its ancestors' layers, top to bottom, over the canvas. */
    const fond = (e: Element): Rgba => {
      const couches: Rgba[] = [];
      for (let x: Element | null = e; x && x !== document.documentElement; x = x.parentElement) {
        const c = rgba(getComputedStyle(x).backgroundColor);
        if (c[3] > 0) couches.push(c);
        if (c[3] >= 1) break;
      }
      return couches.reduceRight((bas, haut) => sur(haut, bas), toile);
    };
    const nom = (e: Element, texte: string) => {
      const id = e.closest("[data-testid]")?.getAttribute("data-testid");
      return `« ${texte.trim().slice(0, 40)} »${id ? ` [${id}]` : ""}`;
    };
    const ecartes = (e: Element) =>
      !!e.closest('[disabled], [aria-disabled="true"], [hidden], [aria-hidden="true"]') ||
      (() => {
        for (let x: Element | null = e; x; x = x.parentElement) {
          const s = getComputedStyle(x);
          if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return true;
          if (s.clip !== "auto" && s.clip !== "") return true; // visually hidden, for screen readers
        }
        return false;
      })();
    const fautes: string[] = [];
    const examiner = (e: Element, texte: string) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || ecartes(e)) return;
      const s = getComputedStyle(e);
      const f = fond(e);
      const t = sur(rgba(s.color), f);
      const [l1, l2] = [luminance(t), luminance(f)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const taille = parseFloat(s.fontSize);
      const grand = taille >= 24 || (taille >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (grand ? 3 : 4.5))
        fautes.push(`${ratio.toFixed(2)} : ${nom(e, texte)} (${s.color} sur rgb(${f.slice(0, 3).map(Math.round)}))`);
    };
    const textes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const vus = new Set<Element>();
    for (let n = textes.nextNode(); n; n = textes.nextNode()) {
      const p = n.parentElement;
      if (!p || !n.textContent?.trim() || vus.has(p) || p.closest("script, style, noscript")) continue;
      vus.add(p);
      examiner(p, n.textContent);
    }
    for (const c of Array.from(document.querySelectorAll("input, select, textarea"))) {
      const v = (c as HTMLInputElement).value;
      if (v && (c as HTMLInputElement).type !== "file" && (c as HTMLInputElement).type !== "hidden") examiner(c, v);
    }
    return fautes;
  });
}
