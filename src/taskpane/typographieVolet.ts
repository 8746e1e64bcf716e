import { espacesInsecables, signesMoins } from "./francais";

/** Elements whose text is not prose shown as such (a textarea's text is its default value). */
const IGNORES = new Set(["SCRIPT", "STYLE", "TEXTAREA", "CODE", "PRE"]);

function corriger(n: Node): void {
  if (n.nodeType === Node.TEXT_NODE) {
    const parent = n.parentElement;
    if (!parent || IGNORES.has(parent.tagName)) return;
    const avant = n.nodeValue ?? "";
    const apres = signesMoins(espacesInsecables(avant));
    // Only when it changes: the observer sees its own write, which then changes nothing.
    if (apres !== avant) n.nodeValue = apres;
    return;
  }
  if (n.nodeType !== Node.ELEMENT_NODE || IGNORES.has((n as Element).tagName)) return;
  const textes = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
  for (let t = textes.nextNode(); t; t = textes.nextNode()) corriger(t);
}

/**
 * French typography for everything the pane shows, at one place: every text node under `racine` (now and whenever
 * React or Fluent adds or changes one, portals included when `racine` is the body) gets its no-break spaces after «
 * and before », :, ;, ?, ! (espacesInsecables). So a sentence written in a page, a core message or a Fluent label
 * never puts « : » or « » » at the start of a line, without each string having to remember it; and a negative number
 * gets the minus sign U+2212 (signesMoins), whoever formatted it. React only ever sets
 * a text node's value, never reads it back, so rewriting the spaces in place is safe.
 */
export function veillerTypographie(racine: Node): MutationObserver {
  corriger(racine);
  const observateur = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "characterData") corriger(m.target);
      else m.addedNodes.forEach(corriger);
    }
  });
  observateur.observe(racine, { childList: true, characterData: true, subtree: true });
  return observateur;
}
