import type { Page } from "playwright-core";

/**
 * Elements of the page whose React props hold a click handler that a keyboard cannot use: neither a native control
 * (button, link, field) nor an element with an interactive role, or one with such a role (a `div role="button"`) left
 * out of the Tab order (no tabIndex ≥ 0) or without a key handler (Enter, Space). Not asked for more than their role:
 * options, menu items and list boxes (reached with the arrows of their list, through the active descendant) and a
 * combobox's opening icon (Fluent's date picker calendar icon, a non-focusable button for touch and voice control: the
 * field opens it from the keyboard, Enter or Alt+↓). Left out: a grid cell around a button (a calendar's day) and an
 * empty element hidden from assistive technologies (a dialog's backdrop, which Escape stands for). React attaches its
 * listeners at the root, so the DOM alone does not tell: the props React keeps on each element (`__reactProps$…`) do.
 */
const SCRIPT_CLIQUABLES = `(() => {
  const interactifs = new Set(["BUTTON", "A", "INPUT", "SELECT", "TEXTAREA", "LABEL", "OPTION", "SUMMARY"]);
  const rolesInteractifs = new Set(["button", "link", "tab", "menuitem", "option", "checkbox", "radio", "switch", "listbox"]);
  const dansUneListe = new Set(["menuitem", "option", "listbox"]);
  const out = [];
  let total = 0;
  for (const e of document.body.querySelectorAll("*")) {
    const cle = Object.keys(e).find((k) => k.startsWith("__reactProps$"));
    const props = cle && e[cle];
    if (!props || typeof props.onClick !== "function") continue;
    total++;
    // A native control, or a grid cell around one (a calendar's day, whose button the arrows and Tab reach).
    if (interactifs.has(e.tagName) || (e.getAttribute("role") === "gridcell" && e.querySelector("button"))) continue;
    // Hidden from assistive technologies: a dialog's backdrop, whose click Escape does too.
    if (e.getAttribute("aria-hidden") === "true" && !(e.textContent || "").trim()) continue;
    const role = e.getAttribute("role");
    const id = e.closest("[data-testid]")?.getAttribute("data-testid");
    const nom = e.tagName.toLowerCase() + (role ? '[role="' + role + '"]' : "") + (id ? "[" + id + "]" : "") +
      " « " + (e.textContent || "").trim().slice(0, 40) + " »";
    if (!role || !rolesInteractifs.has(role)) out.push(nom);
    else if (!dansUneListe.has(role) && !e.parentElement?.querySelector(':scope > [role="combobox"]')) {
      const clavier = ["onKeyDown", "onKeyUp", "onKeyPress"].some((k) => typeof props[k] === "function");
      if (e.tabIndex < 0) out.push(nom + " hors de l'ordre de tabulation");
      else if (!clavier) out.push(nom + " sans touche (Entrée, Espace)");
    }
  }
  return { out, total };
})()`;

export async function cliquablesNonInteractifs(page: Page): Promise<string[]> {
  return ((await page.evaluate(SCRIPT_CLIQUABLES)) as { out: string[] }).out;
}

export async function compterCliquables(page: Page): Promise<number> {
  return ((await page.evaluate(SCRIPT_CLIQUABLES)) as { total: number }).total;
}
