/**
 * Fluent's Tooltip alone, in a chunk of its own (import() in Infobulle.tsx): with the positioning library it
 * brings (@fluentui/react-positioning, floating-ui, about 14 KB gzip) it stays out of the pane's first load.
 */
export { Tooltip } from "@fluentui/react-components";
