import type { Page } from "playwright-core";

/**
 * What the pane signals by colour alone (WCAG 1.4.1): every visible element that sets a status colour of its own — on its
 * text or icon (its `color` differs from its parent's), on its background (differs from the background it stands on) or
 * on a border of 2 px or more — and says nothing of that status otherwise. A status colour is a hue: neither a grey nor
 * one of the theme's brand colours (links, tabs, primary buttons, progress bars: the pane's accent, not a state), read
 * from the theme's own CSS variables so a custom brand is recognised too.
 *
 * Such an element is its own cue when it is a coloured word (a red « critique », a field's message, a badge
 * « déséquilibré ») — words in its text colour, or a short label (≤ 40 characters) on its coloured background. Anything
 * else coloured (an amount, an icon, a tinted row or box) needs, in itself or its parent, a non-colour cue: an icon
 * with an accessible name, a text for screen readers, a coloured word as above (a row's badge « dépassement »), or —
 * for a coloured icon or figure, which has no word of its own — a word beside it in its parent (« Erreurs » before a red
 * count). A plain word inside a tinted row is not taken as its cue: it is the row's content (« 2 Personnel »). Each fault
 * is given as « couleur seule : tag[data-testid] « text » (what is coloured) ».
 */
const SCRIPT_COULEUR_SEULE = `(() => {
  const rgb = (c) => {
    const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?/.exec(c || "");
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4], css: c } : null;
  };
  // The theme's brand colours, as computed colours (the theme's variables resolved through a probe), read once per theme.
  const w = window;
  const theme = document.querySelector(".fui-FluentProvider")?.className ?? "";
  if (w.__marquesTheme?.theme !== theme) {
    const marques = new Set();
    const sonde = document.createElement("span");
    document.body.appendChild(sonde);
    for (const feuille of Array.from(document.styleSheets)) {
      let regles;
      try { regles = feuille.cssRules; } catch { continue; }
      for (const regle of Array.from(regles)) {
        const st = regle.style;
        if (!st) continue;
        for (let i = 0; i < st.length; i++) {
          const nom = st[i];
          if (!nom.startsWith("--") || !/brand/i.test(nom)) continue;
          sonde.style.color = "";
          sonde.style.color = st.getPropertyValue(nom).trim();
          if (sonde.style.color) marques.add(getComputedStyle(sonde).color);
        }
      }
    }
    sonde.remove();
    w.__marquesTheme = { theme, marques };
  }
  const marques = w.__marquesTheme.marques;
  // Whether a computed colour is a status colour, each colour string worked out once (a page has a few dozen).
  const teintes = new Map();
  const teinte = (c) => {
    let t = teintes.get(c);
    if (t === undefined) {
      const x = rgb(c);
      t = !!x && x.a >= 0.15 && Math.max(x.r, x.g, x.b) - Math.min(x.r, x.g, x.b) >= 16 &&
        !marques.has("rgb(" + x.r + ", " + x.g + ", " + x.b + ")");
      teintes.set(c, t);
    }
    return t;
  };
  const visible = (e) => {
    if (e.closest("[hidden]")) return false;
    const s = getComputedStyle(e);
    if (s.display === "none" || s.visibility === "hidden" || +s.opacity === 0) return false;
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const mot = (t) => /\\p{L}{3,}/u.test(t || "");
  const fond = (e) => {
    for (let x = e; x; x = x.parentElement) {
      const c = rgb(getComputedStyle(x).backgroundColor);
      if (c && c.a > 0) return c.css;
    }
    return "rgb(255, 255, 255)";
  };
  /** What e (its computed style s) colours itself with: « texte », « fond », « bordure » (several possible), or nothing. */
  const signaux = (e, s) => {
    const out = [];
    const parent = e.parentElement;
    if (parent && teinte(s.color) && s.color !== getComputedStyle(parent).color) out.push("texte");
    if (teinte(s.backgroundColor) && (!parent || s.backgroundColor !== fond(parent))) out.push("fond");
    for (const cote of ["Top", "Right", "Bottom", "Left"]) {
      const b = "border" + cote;
      if (parseFloat(s[b + "Width"]) >= 2 && s[b + "Style"] !== "none" && teinte(s[b + "Color"])) {
        out.push("bordure");
        break;
      }
    }
    return out;
  };
  const colores = [];
  // Texts for screen readers only (clipped to 1 px).
  const lus = [];
  // Hidden subtrees (the pages not shown, a closed section) are skipped whole: their styles are never worked out.
  const marche = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (e) =>
      e.hasAttribute("hidden") || getComputedStyle(e).display === "none" ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let e = marche.nextNode(); e; e = marche.nextNode()) {
    const s = getComputedStyle(e);
    if (s.clip !== "auto" && s.clip !== "") {
      lus.push(e);
      continue;
    }
    let sig = signaux(e, s);
    // A colour in motion (a button's hover fading in, between two brand colours) is no state: seen once settled.
    if (!sig.length || !visible(e) || e.getAnimations().some((a) => a.playState === "running")) continue;
    // A colour on a text or an icon is seen only where there is one.
    const contenu = (e.textContent || "").trim() !== "" || e.tagName === "svg" || e.querySelector("svg,img");
    if (!contenu) sig = sig.filter((x) => x !== "texte");
    if (sig.length) colores.push({ e, sig });
  }
  const texteDe = (e) => (e.textContent || "").replace(/\\s+/g, " ").trim();
  /** A coloured word: words in its own colour, or a short label on its coloured background or border. */
  const etiquette = ({ e, sig }) => mot(texteDe(e)) && (sig.includes("texte") || texteDe(e).length <= 40);
  const etiquettes = colores.filter(etiquette).map((c) => c.e);
  // An icon hidden from screen readers is not named; the page hidden behind a modal dialog (aria-hidden on an ancestor
  // of the scope looked in) is not what hides it.
  const nomIcone = (i, portee) => {
    const cachee = i.closest('[aria-hidden="true"]');
    if (cachee && portee.contains(cachee)) return "";
    const par = (i.getAttribute("aria-labelledby") || "").split(/\\s+/)
      .map((id) => document.getElementById(id)?.textContent || "").join(" ");
    const titre = i.tagName.toLowerCase() === "svg" ? i.querySelector(":scope > title")?.textContent : "";
    return (i.getAttribute("aria-label") || par || i.getAttribute("title") || i.getAttribute("alt") || titre || "").trim();
  };
  /** How c's status is told otherwise than by its colour, in a word (« icône nommée »…), or "" when it is not. */
  const indice = (portee, c) => {
    if (etiquette(c)) return "mot coloré";
    if (Array.from(portee.querySelectorAll("svg,img,[role=img]")).some((i) => mot(nomIcone(i, portee)))) return "icône nommée";
    if (etiquettes.some((x) => x !== c.e && portee.contains(x))) return "mot coloré voisin";
    // The element named (aria-label), or a text for screen readers only beside it (« Erreur : » before a finding).
    if (mot(c.e.getAttribute("aria-label"))) return "aria-label";
    if (lus.some((x) => portee.contains(x) && mot(texteDe(x)))) return "texte lu";
    // A coloured icon or figure: a word beside it in its parent (« Erreurs » before a red count).
    if (!mot(texteDe(c.e))) {
      const marche = document.createTreeWalker(portee, NodeFilter.SHOW_TEXT);
      for (let n = marche.nextNode(); n; n = marche.nextNode())
        if (!c.e.contains(n) && mot(n.textContent) && n.parentElement && visible(n.parentElement)) return "mot voisin";
    }
    return "";
  };
  const nom = (e) => {
    const id = e.closest("[data-testid]")?.getAttribute("data-testid");
    return e.tagName.toLowerCase() + (id ? "[" + id + "]" : "") + " « " + texteDe(e).slice(0, 40) + " »";
  };
  const fautes = [];
  const vus = [];
  for (const c of colores) {
    const i = indice(c.e.parentElement || c.e, c);
    if (i) vus.push(nom(c.e) + " (" + c.sig.join(", ") + ") : " + i);
    else fautes.push("couleur seule : " + nom(c.e) + " (" + c.sig.join(", ") + ")");
  }
  return { fautes: [...new Set(fautes)].slice(0, 30), vus };
})()`;

/** The elements of the pane whose status is told by colour alone (see above), each once. */
export async function couleurSeule(page: Page): Promise<string[]> {
  return (await couleurs(page)).fautes;
}

/**
 * Every element of the pane that sets a status colour, with the cue that tells its status otherwise (« mot coloré »,
 * « icône nommée », « mot coloré voisin », « aria-label », « texte lu », « mot voisin ») or, in `fautes`, without one.
 */
export async function couleurs(page: Page): Promise<{ fautes: string[]; vus: string[] }> {
  return (await page.evaluate(SCRIPT_COULEUR_SEULE)) as { fautes: string[]; vus: string[] };
}

/** Fluent's status colours of one theme, for `temoinsCouleur`: a red text (colorPaletteRedForeground1), a red tint. */
export interface TeintesTemoins {
  texte: string;
  fond: string;
  /** Also check the theme's brand colours (a link's, a primary button's): its accent, never a fault. */
  marque?: boolean;
}

/**
 * The colour check sees what it must on this page: elements put in the pane for a moment, a red amount alone and a
 * tinted row of words alone (told by colour alone), a red amount beside an icon named « Dépassement » (told), and with
 * `marque` an amount and a long text in the brand colours (neither a fault).
 */
export async function temoinsCouleur(page: Page, teintes: TeintesTemoins): Promise<void> {
  await page.evaluate(({ texte, fond, marque }) => {
    const d = document.createElement("div");
    d.id = "temoins-couleur";
    d.style.width = "200px";
    d.innerHTML =
      `<p><span data-testid="temoin-seul" style="color: ${texte}">+1\u00a0200,00\u00a0€</span></p>` +
      `<p><span data-testid="temoin-nomme" style="color: ${texte}">+1\u00a0200,00\u00a0€</span>` +
      '<svg role="img" aria-label="Dépassement" width="10" height="10"><circle r="4" cx="5" cy="5"/></svg></p>' +
      `<p><span data-testid="temoin-ligne" style="display: block; background: ${fond}">` +
      "2 Personnel technique du tournage en Bretagne 1\u00a0200,00\u00a0€</span></p>" +
      (marque
        ? '<p><span data-testid="temoin-marque" style="color: var(--colorBrandForegroundLink)">1\u00a0200,00\u00a0€</span></p>' +
          '<p><span data-testid="temoin-marque" style="display: block; background: var(--colorBrandBackground)">' +
          "Analyser le devis du producteur et écrire le devis CNC</span></p>"
        : "");
    document.querySelector("main:not([hidden])")?.prepend(d);
  }, teintes);
  const { fautes, vus } = await couleurs(page);
  await page.evaluate(() => document.getElementById("temoins-couleur")?.remove());
  expect(fautes.filter((f) => f.includes("temoin"))).toEqual([
    "couleur seule : span[temoin-seul] « +1 200,00 € » (texte)",
    "couleur seule : span[temoin-ligne] « 2 Personnel technique du tournage en Bre » (fond)",
  ]);
  expect(vus.filter((v) => v.includes("temoin"))).toEqual([
    "span[temoin-nomme] « +1 200,00 € » (texte) : icône nommée",
  ]);
}
