import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import * as React from "react";

/*
 * The bare minimum to draw a component in jsdom, without ./rendu (which loads the use cases and Fluent's Tooltip
 * before the first render): for tests of what happens before those arrive or when they fail.
 */

/** jsdom has no ResizeObserver (Fluent's Table uses one); the pages do not depend on its callbacks. */
export function sansResizeObserver(): void {
  class ResizeObserverInerte {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverInerte;
}

/** A component in Fluent's light theme, nothing else around it. */
export function afficherNu(enfant: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{enfant}</FluentProvider>);
}
