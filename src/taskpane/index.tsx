/**
 * Task pane entry: waits for Office.onReady, themes from Office and renders the App over Excel.
 * Outside Excel (Office.js loaded in a plain browser) it says so instead of showing a blank page.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App, preloadPanels } from "./App";
import { createOfficeHost } from "./host/office-host";
import { preloadEngine } from "./host/port-plan-host";
import { StatusPage } from "./StatusPage";
import { themeFromOffice } from "./theme";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <StatusPage
        title="Waiting for Office"
        message="The ICCWC Action Plan pane is starting. If this stays, open the pane from Excel (Home > Action Plan)."
      />
    </FluentProvider>,
  );

  const showError = (message: string) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <StatusPage title="The pane cannot start here" message={message} intent="error" />
      </FluentProvider>,
    );

  if (typeof Office === "undefined") {
    showError(
      "Office.js did not load. Open the pane from Excel; to try the add-in in a browser, open preview.html instead.",
    );
  } else {
    Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel) {
        showError(
          "This pane works inside Excel only. Open it from Excel (Home > Action Plan), or open preview.html to try it in a browser.",
        );
        return;
      }
      const host = createOfficeHost();
      // Quick entry starts on its own when the plan already has an Activities sheet; the switch in Set up turns it off.
      const startQuickEntry = () => host.quickEntry?.set(true).catch(() => undefined);
      root.render(
        <FluentProvider theme={themeFromOffice(Office.context.officeTheme)} style={{ minHeight: "100vh" }}>
          <App host={host} />
        </FluentProvider>,
      );
      setTimeout(() => {
        preloadPanels();
        preloadEngine();
        void startQuickEntry();
      }, 0);
    }).catch(() => showError("Office could not start the pane. Close the pane and open it again."));
  }
}
