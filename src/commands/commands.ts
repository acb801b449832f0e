/**
 * Ribbon commands (ExecuteFunction). The manifest's "Check plan" button calls `checkPlan` here.
 * `event.completed()` is always called, whatever happens, or Excel shows the button as busy forever.
 */
import { runCheckPlanCommand } from "./check-plan-command";

export async function checkPlanAction(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await runCheckPlanCommand({ run: Excel.run });
    // The status shows on the ribbon's notification area where the host supports it; otherwise the
    // Issues sheet, already selected, is the answer.
    if (!result.ok) console.error(result.message);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("checkPlan", checkPlanAction);
  });
}
