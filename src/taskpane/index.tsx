import { FluentProvider, webLightTheme, type Theme as ThemeFluent } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { brancherClasseur } from "../app/catalogue";
import { App } from "./App";
import { themeDe, type Theme } from "./theme";
import { veillerTypographie } from "./typographieVolet";

/** Excel's theme now (light outside Office, where there is no officeTheme). */
const themeActuel = (): Theme => themeDe(typeof Office !== "undefined" ? Office.context?.officeTheme : undefined);

/** Fluent's dark theme once fetched (./themeSombre, its own chunk: only a dark Excel needs it). */
let fluentSombre: ThemeFluent | undefined;
let chargementSombre: Promise<ThemeFluent | undefined> | undefined;
function chargerSombre(): Promise<ThemeFluent | undefined> {
  chargementSombre ??= import(/* webpackChunkName: "theme-sombre" */ "./themeSombre").then(
    (m) => (fluentSombre = m.webDarkTheme),
    // Chunk not fetched (the pane's files unreachable): the pane stays light, still readable.
    () => undefined,
  );
  return chargementSombre;
}

/**
 * The pane in Fluent's light or dark theme, following Office's (and its changes, where the host reports them). In a
 * dark Excel the dark theme is fetched before the first drawing (Office.onReady below); when Excel turns dark later,
 * the pane turns dark as soon as it has arrived.
 */
function Racine() {
  const [theme, setTheme] = React.useState<Theme>(themeActuel);
  const [sombre, setSombre] = React.useState<ThemeFluent | undefined>(() => fluentSombre);
  React.useEffect(() => {
    if (theme !== "sombre" || sombre) return;
    let actif = true;
    void chargerSombre().then((t) => actif && t && setSombre(() => t));
    return () => {
      actif = false;
    };
  }, [theme, sombre]);
  React.useEffect(() => {
    try {
      Office.context?.document?.addHandlerAsync?.(
        Office.EventType.OfficeThemeChanged,
        () => setTheme(themeActuel()),
        () => undefined,
      );
    } catch {
      // Hosts that do not report theme changes: the theme read at start stays.
    }
  }, []);
  // The theme drawn: dark once its chunk is there.
  const dessine: Theme = theme === "sombre" && sombre ? "sombre" : "clair";
  const fluent = dessine === "sombre" && sombre ? sombre : webLightTheme;
  // The page around the provider too: below a short page the pane shows the body (white by default), and native
  // parts (scrollbars, a select's list) follow color-scheme.
  React.useEffect(() => {
    document.documentElement.style.colorScheme = dessine === "sombre" ? "dark" : "light";
    document.body.style.backgroundColor = fluent.colorNeutralBackground1;
    document.body.style.color = fluent.colorNeutralForeground1;
  }, [dessine, fluent]);
  return (
    <FluentProvider theme={fluent} data-theme={dessine}>
      <App />
    </FluentProvider>
  );
}

/* Rendered once Office is ready; outside an Office host (browser tests) onReady still fires, with host null. */
Office.onReady(() => {
  // Composition root: the pane's use cases run on the open Excel workbook. The Office adapter (src/office) is a chunk
  // of its own, fetched with the use cases on the first command: out of the pane's first load (npm run bench).
  brancherClasseur(() =>
    import(/* webpackChunkName: "classeur-office" */ "../office/officeWorkbook").then((m) => new m.OfficeWorkbook()),
  );
  const conteneur = document.getElementById("container");
  if (!conteneur) throw new Error("taskpane.html : élément #container introuvable");
  // The body, not only #container: Fluent renders tooltips, menus and listboxes in portals beside it.
  veillerTypographie(document.body);
  // A dark Excel: the dark theme first (one small chunk, same origin), so that the pane is never drawn light in it.
  const dessiner = () => createRoot(conteneur).render(<Racine />);
  if (themeActuel() === "sombre") void chargerSombre().then(dessiner);
  else dessiner();
});
