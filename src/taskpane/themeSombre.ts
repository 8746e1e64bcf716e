/**
 * Fluent's dark theme, a chunk of its own (index.tsx): its colours are fetched only when Excel's theme is dark, before
 * the pane is first drawn then, so that the light theme's first load does not carry them (npm run bench).
 */
export { webDarkTheme } from "@fluentui/react-components";
