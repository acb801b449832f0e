/** Preview page entry: the task pane beside a simulated workbook, in any browser, without Office.js. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp />
    </FluentProvider>,
  );
}
