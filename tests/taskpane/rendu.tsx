import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import * as React from "react";
import { chargerTooltip } from "../../src/taskpane/components/Infobulle";
import { EtatProvider } from "../../src/taskpane/etat";
import { ProductionProvider } from "../../src/taskpane/production";
// The catalogue loads the use cases on the first command (import(), a chunk of its own in the pane). Loaded here
// with the test file instead, so compiling them is not counted in the first waitFor's 20 s.
import "../../src/app/commandes";

/*
 * Pane tests run the real use cases on an in-memory workbook: under a loaded machine (parallel jest workers,
 * other builds) one command can take seconds. waitFor / findBy* then wait up to 20 s instead of 1 s: a test
 * still fails when the expected state never comes, it no longer fails because the CPU was busy.
 */
configure({ asyncUtilTimeout: 20000 });

// The infobulles' Tooltip, fetched on demand, is there before the first render, as in the pane (App fetches it once
// drawn): an element is not drawn anew inside its Tooltip in the middle of a test.
beforeAll(() => chargerTooltip());

/** A page as the pane shows it: Fluent theme, the production context and the shared findings. */
export function afficherPage(page: React.ReactElement) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ProductionProvider>
        <EtatProvider>{page}</EtatProvider>
      </ProductionProvider>
    </FluentProvider>,
  );
}

export { sansResizeObserver } from "./fluentNu";

/**
 * The refusal shown right under a field (Fluent Field `validationMessage`), found as the screen reader does: the
 * input is `aria-invalid` and described by the message. Undefined when the field shows none.
 */
export function messageSousChamp(input: HTMLElement): string | undefined {
  if (input.getAttribute("aria-invalid") !== "true") return undefined;
  const ids = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  // The field's hint is described too: keep the validation message only.
  const message = ids
    .map((id) => document.getElementById(id))
    .find((e) => e?.classList.contains("fui-Field__validationMessage"));
  return message?.textContent || undefined;
}
