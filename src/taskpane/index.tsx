import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { brancherClasseur } from "../app/catalogue";
import { App } from "./App";
import { themeDe, type Theme } from "./theme";
import { veillerTypographie } from "./typographieVolet";

/** Excel's theme now (light outside Office, where there is no officeTheme). */
const themeActuel = (): Theme => themeDe(typeof Office !== "undefined" ? Office.context?.officeTheme : undefined);

/** The pane in Fluent's light or dark theme, following Office's (and its changes, where the host reports them). */
function Racine() {
  const [theme, setTheme] = React.useState<Theme>(themeActuel);
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
  const fluent = theme === "sombre" ? webDarkTheme : webLightTheme;
  // The page around the provider too: below a short page the pane shows the body (white by default), and native
  // parts (scrollbars, a select's list) follow color-scheme.
  React.useEffect(() => {
    document.documentElement.style.colorScheme = theme === "sombre" ? "dark" : "light";
    document.body.style.backgroundColor = fluent.colorNeutralBackground1;
    document.body.style.color = fluent.colorNeutralForeground1;
  }, [theme, fluent]);
  return (
    <FluentProvider theme={fluent} data-theme={theme}>
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
  createRoot(conteneur).render(<Racine />);
});
