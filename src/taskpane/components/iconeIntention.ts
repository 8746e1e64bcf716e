/**
 * The icon of a Fluent MessageBar, named for what the bar tells (`icon={ICONE_INTENTION.warning}`): never colour alone.
 * In Office's dark theme a warning, success or error bar is told from the others by its tinted background; its icon's
 * shape tells it to the eye, and this name to a screen reader (Fluent's own icon is hidden from it).
 */
export const ICONE_INTENTION = {
  warning: { role: "img", "aria-label": "Avertissement" },
  success: { role: "img", "aria-label": "Réussite" },
  error: { role: "img", "aria-label": "Erreur" },
};
