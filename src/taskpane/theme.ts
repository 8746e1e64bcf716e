/**
 * The Office theme, light or dark, from `Office.context.officeTheme` (Excel's own colours). Outside Office
 * (a browser, the tests without a theme) the pane stays light.
 */
export type Theme = "clair" | "sombre";

/** The part of Office.OfficeTheme read here (`isDarkTheme` is recent; older hosts give only the colours). */
export interface ThemeOffice {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of "#RRGGBB" (or "#RGB"), 0 (black) to 1 (white); undefined when not a colour. */
function luminance(couleur: string): number | undefined {
  let hex = couleur.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((x) => x + x).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeDe(t: ThemeOffice | undefined | null): Theme {
  if (!t) return "clair";
  if (typeof t.isDarkTheme === "boolean") return t.isDarkTheme ? "sombre" : "clair";
  const l = t.bodyBackgroundColor ? luminance(t.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.25 ? "sombre" : "clair";
}
