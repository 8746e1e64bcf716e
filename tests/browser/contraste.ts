import type { Page } from "playwright-core";

/**
 * Every text the pane shows that is too faint to read: each visible text (text nodes, and the values of fields) with
 * its computed colour against the background actually behind it (the element's and its ancestors' backgrounds,
 * translucent ones blended down to the page's canvas), by WCAG 2.1's contrast ratio. Body text needs 4.5:1, large text
 * (24 px, or 18.66 px bold) 3:1. Not counted, as WCAG does not count them: disabled controls, text hidden for screen
 * readers. Each fault is « ratio : text (colour on background) [data-testid] ».
 */
export async function textesIlisibles(page: Page): Promise<string[]> {
  const fautes = (await mesurerTextes(page)).fautes;
  if (fautes.length === 0) return fautes;
  // Measured again once the page settles: on a loaded machine a button enabled as the measure ran can still be fading
  // from its disabled grey. Only what stays unreadable is a fault (a real one is there both times).
  await page.waitForTimeout(500);
  return (await mesurerTextes(page)).fautes;
}

type Rgba = [number, number, number, number];

/** The colour tools the measures share, run in the page (installerCouleurs). */
interface Couleurs {
  rgba(css: string): Rgba;
  sur(haut: Rgba, bas: Rgba): Rgba;
  luminance(c: Rgba): number;
  /** WCAG 2.1 contrast ratio of two opaque colours, 1 to 21. */
  contraste(a: Rgba, b: Rgba): number;
  /** The background behind `e`: its own and its ancestors' layers, top to bottom, over the page's canvas. */
  fond(e: Element): Rgba;
  /** Resolves once running transitions end (a button just enabled fades from its disabled grey; a focus ring grows). */
  finDesTransitions(): Promise<void>;
}

/** Builds the Couleurs, in the page: this function is sent as its source text (no closure over the test's scope). */
function outilsCouleur(): Couleurs {
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
  const contraste = (a: Rgba, b: Rgba) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const fond = (e: Element): Rgba => {
    // The canvas: the root's background, else the browser's (white, or dark under color-scheme: dark).
    const racine = rgba(getComputedStyle(document.documentElement).backgroundColor);
    const corps = rgba(getComputedStyle(document.body).backgroundColor);
    const schema = getComputedStyle(document.documentElement).colorScheme;
    const toile: Rgba = sur(
      corps,
      sur(racine, /\bdark\b/.test(schema) && !/\blight\b/.test(schema) ? [18, 18, 18, 1] : [255, 255, 255, 1]),
    );
    const couches: Rgba[] = [];
    for (let x: Element | null = e; x && x !== document.documentElement; x = x.parentElement) {
      const c = rgba(getComputedStyle(x).backgroundColor);
      if (c[3] > 0) couches.push(c);
      if (c[3] >= 1) break;
    }
    return couches.reduceRight((bas, haut) => sur(haut, bas), toile);
  };
  // Endless animations (a spinner) are not waited for.
  const finDesTransitions = async () => {
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    );
  };
  return { rgba, sur, luminance, contraste, fond, finDesTransitions };
}

/** Installs the colour tools in the page (window.__couleurs), once per document. */
async function installerCouleurs(page: Page): Promise<void> {
  await page.evaluate(`window.__couleurs = window.__couleurs || (${outilsCouleur.toString()})()`);
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
  await installerCouleurs(page);
  return page.evaluate(async (selecteur) => {
    const { rgba, sur, luminance, contraste, fond, finDesTransitions } = (window as unknown as { __couleurs: Couleurs })
      .__couleurs;
    await finDesTransitions();
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
      const ratio = contraste(t, f);
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

/** What the focused element shows of its keyboard focus (indicateurFocus). */
export interface IndicateurFocus {
  /** « tag[data-testid] « text » » of the focused element. */
  nom: string;
  /** Whether it is one of the pane's tabs (role="tab"), where a Tab walk through a page starts and ends. */
  onglet: boolean;
  /** Best contrast of what changed when the focus came (3:1 needed), 0 when nothing visible changed. */
  ratio: number;
  /** That indicator: « propriété couleur sur fond ». */
  detail: string;
}

/**
 * The focus indicator of the element focused from the keyboard, by difference: its styles (outline, borders,
 * box-shadow, underline, background, and its ::before / ::after, where Fluent draws focus rings and input underlines) and its
 * three nearest ancestors' are read focused, then blurred, then it is focused again (so a Tab walk goes on from it).
 * Each colour that appeared or changed is measured against the background behind the element and behind its parent
 * (the lower of the two); the best one is the indicator. WCAG 2.2 (1.4.11, 2.4.13) asks 3:1. undefined when nothing
 * is focused.
 */
export async function indicateurFocus(page: Page): Promise<IndicateurFocus | undefined> {
  await installerCouleurs(page);
  return page.evaluate(async () => {
    const { rgba, sur, contraste, fond, finDesTransitions } = (window as unknown as { __couleurs: Couleurs })
      .__couleurs;
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return undefined;
    const id = e.closest("[data-testid]")?.getAttribute("data-testid");
    const nom = `${e.tagName.toLowerCase()}${id ? `[${id}]` : ""} « ${(e.textContent ?? e.getAttribute("aria-label") ?? "").trim().slice(0, 30)} »`;
    const chaine: Element[] = [];
    for (let x: Element | null = e; x && x !== document.body && chaine.length < 4; x = x.parentElement) chaine.push(x);
    const PSEUDOS = [null, "::before", "::after"];
    const COTES = ["top", "right", "bottom", "left"];
    const PROPS = [
      ...["style", "width", "color"].map((p) => `outline-${p}`),
      ...COTES.flatMap((c) => ["style", "width", "color"].map((p) => `border-${c}-${p}`)),
      ...["line", "style", "color"].map((p) => `text-decoration-${p}`),
      ...[
        "box-shadow",
        "background-color",
        "background-image",
        "transform",
        "opacity",
        "display",
        "visibility",
        "content",
        "width",
        "height",
      ],
    ];
    const lire = () =>
      chaine.map((x) =>
        PSEUDOS.map((p) => {
          const s = getComputedStyle(x, p);
          return Object.fromEntries(PROPS.map((k) => [k, s.getPropertyValue(k)])) as Record<string, string>;
        }),
      );
    await finDesTransitions();
    const avec = lire();
    e.blur();
    await finDesTransitions();
    const sans = lire();
    e.focus();
    await finDesTransitions();
    let ratio = 0;
    let detail = "aucun changement visible au focus";
    chaine.forEach((x, i) =>
      PSEUDOS.forEach((p, j) => {
        const a = avec[i][j];
        const b = sans[i][j];
        const change = (...k: string[]) => k.some((x) => a[x] !== b[x]);
        if (a.display === "none" || a.visibility === "hidden" || Number(a.opacity) === 0) return;
        if (p && a.content === "none") return;
        // A pseudo-element that appears (or grows, as Fluent's input underline does) counts whole.
        const apparu = change("display", "visibility", "content", "opacity", "transform", "width", "height");
        const couleurs: [string, string][] = [];
        if ((apparu || change("outline-style", "outline-width", "outline-color")) && a["outline-style"] !== "none")
          if (parseFloat(a["outline-width"]) >= 1) couleurs.push(["outline", a["outline-color"]]);
        for (const c of COTES) {
          const k = (q: string) => `border-${c}-${q}`;
          if ((apparu || change(k("style"), k("width"), k("color"))) && a[k("style")] !== "none")
            if (parseFloat(a[k("width")]) >= 1) couleurs.push([k("color"), a[k("color")]]);
        }
        if ((apparu || change("box-shadow")) && a["box-shadow"] !== "none")
          for (const c of a["box-shadow"].match(/rgba?\([^)]*\)/g) ?? []) couleurs.push(["box-shadow", c]);
        if (change("text-decoration-line", "text-decoration-style", "text-decoration-color"))
          if (a["text-decoration-line"] !== "none") couleurs.push(["text-decoration", a["text-decoration-color"]]);
        // A filled pseudo-element (Fluent's Select underline is a gradient): its colours against its element's background.
        if ((apparu && p) || change("background-color")) couleurs.push(["background-color", a["background-color"]]);
        if (((apparu && p) || change("background-image")) && a["background-image"] !== "none")
          for (const c of a["background-image"].match(/rgba?\([^)]*\)/g) ?? []) couleurs.push(["background-image", c]);
        const fonds = [fond(x), fond(x.parentElement ?? x)];
        for (const [propriete, css] of couleurs) {
          const c = rgba(css);
          if (c[3] === 0) continue;
          // A background against what is behind it: its element's for a pseudo-element, its parent's for an element.
          const contre = !propriete.startsWith("background") ? fonds : p ? fonds.slice(0, 1) : fonds.slice(1);
          const r = Math.min(...contre.map((f) => contraste(sur(c, f), f)));
          if (r > ratio) {
            ratio = r;
            const f = fonds.map((f) => `rgb(${f.slice(0, 3).map(Math.round).join(", ")})`).join(" / ");
            detail = `${x.tagName.toLowerCase()}${p ?? ""} ${propriete} ${css} sur ${f}`;
          }
        }
      }),
    );
    return { nom, onglet: e.getAttribute("role") === "tab", ratio, detail };
  });
}
