/**
 * Fluent's ProgressBar, a chunk of its own (Retour.tsx): only long actions (a ledger read, sheets written by blocks)
 * show it, so it is fetched once the pane is drawn (App) rather than carried by the first load (npm run bench).
 */
export { ProgressBar } from "@fluentui/react-components";
