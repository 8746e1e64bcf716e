import type { Page } from "playwright-core";

/**
 * Every text the pane shows that is too faint to read: each visible text (text nodes, and the values of fields) with
 * its computed colour against the background actually behind it (the element's and its ancestors' backgrounds,
 * translucent ones blended down to the page's canvas), by WCAG 2.1's contrast ratio. Body text needs 4.5:1, large text
 * (24 px, or 18.66 px bold) 3:1. Not counted, as WCAG does not count them: disabled controls, text hidden for screen
 * readers. Each fault is « ratio : text (colour on background) [data-testid] ».
 */
export async function textesIlisibles(page: Page): Promise<string[]> {
  return (await mesurerTextes(page)).fautes;
}

/** What mesurerTextes saw: the faults, how many texts it measured, and the background behind its root. */
export interface Mesure {
  fautes: string[];
  textes: number;
  /** The root's own background (computed CSS), and the whole background behind it, layers blended, as rgb(). */
  fondPropre: string;
  fond: string;
  /** Relative luminance of `fond`, 0 (black) to 1 (white). */
  luminanceFond: number;
}

/**
 * textesIlisibles' measure, in the whole page or only inside `racine` (a CSS selector: a popup's surface). Inside a
 * root, text hidden for screen readers but drawn (aria-hidden inside the root) is measured too. Either way the options
 * of native lists (select) are measured against the list's background, as Chromium draws their popup with those
 * colours.
 */
export async function mesurerTextes(page: Page, racine?: string): Promise<Mesure> {
  return page.evaluate(async (selecteur) => {
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
    const base: Element | null = selecteur ? document.querySelector(selecteur) : document.body;
    if (!base) throw new Error(`mesurerTextes : aucun élément ${selecteur}`);
    const ecartes = (e: Element) =>
      !!e.closest('[disabled], [aria-disabled="true"], [hidden]') ||
      (() => {
        const cache = e.closest('[aria-hidden="true"]');
        return !!cache && !(selecteur && base.contains(cache));
      })() ||
      (() => {
        for (let x: Element | null = e; x; x = x.parentElement) {
          const s = getComputedStyle(x);
          if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return true;
          if (s.clip !== "auto" && s.clip !== "") return true; // visually hidden, for screen readers
        }
        return false;
      })();
    const fautes: string[] = [];
    let textes = 0;
    const examiner = (e: Element, texte: string, liste?: Element) => {
      const r = (liste ?? e).getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || ecartes(liste ?? e)) return;
      textes++;
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
    const parcours = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
    const vus = new Set<Element>();
    for (let n = parcours.nextNode(); n; n = parcours.nextNode()) {
      const p = n.parentElement;
      if (!p || !n.textContent?.trim() || vus.has(p) || p.closest("script, style, noscript")) continue;
      vus.add(p);
      examiner(p, n.textContent);
    }
    for (const c of Array.from(base.querySelectorAll("input, select, textarea"))) {
      const v = (c as HTMLInputElement).value;
      if (v && (c as HTMLInputElement).type !== "file" && (c as HTMLInputElement).type !== "hidden") examiner(c, v);
    }
    // A native list's options, drawn by Chromium in its own popup with the options' computed colours.
    for (const o of Array.from(base.querySelectorAll("select option")))
      if (o.textContent?.trim()) examiner(o, o.textContent, o.closest("select") as Element);
    const f = fond(base);
    return {
      fautes,
      textes,
      fondPropre: getComputedStyle(base).backgroundColor,
      fond: `rgb(${f.slice(0, 3).map(Math.round).join(", ")})`,
      luminanceFond: luminance(f),
    };
  }, racine);
}
