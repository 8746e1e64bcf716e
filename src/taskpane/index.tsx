import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { brancherClasseur } from "../app/catalogue";
import { OfficeWorkbook } from "../office/officeWorkbook";
import { App } from "./App";

/* Rendered once Office is ready; outside an Office host (browser tests) onReady still fires, with host null. */
Office.onReady(() => {
  // Composition root: the pane's use cases run on the open Excel workbook.
  brancherClasseur(new OfficeWorkbook());
  const conteneur = document.getElementById("container");
  if (!conteneur) throw new Error("taskpane.html : élément #container introuvable");
  createRoot(conteneur).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
