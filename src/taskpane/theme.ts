/** The pane follows Office's theme: a dark Office body background gives Fluent's dark theme. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of "#RRGGBB" (0 black .. 1 white); null when the text is not a colour. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Office.context.officeTheme (or nothing outside Office) -> a Fluent theme. */
export function themeFromOffice(officeTheme: { bodyBackgroundColor?: string } | undefined | null): Theme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== null && l < 0.3 ? webDarkTheme : webLightTheme;
}
