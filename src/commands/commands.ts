/**
 * Ribbon commands. The manifest's only button uses the ShowTaskpane action, which Office handles itself, so
 * nothing is registered yet; this chunk must still load in the shared runtime (taskpane.html is the
 * FunctionFile). A button running code gets an ExecuteFunction action in manifest.xml and a handler here:
 *   Office.actions.associate("<FunctionName>", (event) => { …; event.completed(); });
 */
export const COMMANDES_RUBAN: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = {};

Office.onReady(() => {
  // Office.actions is missing outside an Office host (browser tests).
  if (!Office.actions) return;
  for (const [nom, action] of Object.entries(COMMANDES_RUBAN)) Office.actions.associate(nom, action);
});
