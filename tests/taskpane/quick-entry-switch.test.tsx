/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { QuickEntryControl } from "../../src/taskpane/host/plan-host";
import { SetupPanel } from "../../src/taskpane/panels/SetupPanel";
import { fakeHost, renderWithHost } from "./fake-host";

/** A quick-entry control like Excel's: it may be switched on from outside the panel (the pane starts it). */
function control(startOn: boolean, fail?: Error) {
  let on = startOn;
  const listeners = new Set<() => void>();
  const c: QuickEntryControl & { flip(v: boolean): void } = {
    isOn: () => on,
    set: jest.fn(async (v: boolean) => {
      if (fail) throw fail;
      on = v;
      listeners.forEach((l) => l());
    }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    flip: (v) => {
      on = v;
      listeners.forEach((l) => l());
    },
  };
  return c;
}

describe("quick entry switch in Set up (Excel only)", () => {
  it("is absent where the host has no change events (the preview)", () => {
    renderWithHost(<SetupPanel />, fakeHost());
    expect(screen.queryByRole("switch", { name: "Quick entry while typing" })).toBeNull();
  });

  it("shows the state, follows a start from outside, and switches off on request", async () => {
    const user = userEvent.setup();
    const qe = control(false);
    const host = { ...fakeHost(), quickEntry: qe };
    renderWithHost(<SetupPanel />, host);
    const sw = screen.getByRole("switch", { name: "Quick entry while typing" }) as HTMLInputElement;
    expect(sw.checked).toBe(false);
    qe.flip(true);
    await waitFor(() => expect(sw.checked).toBe(true));
    await user.click(sw);
    expect(qe.set).toHaveBeenCalledWith(false);
    await waitFor(() => expect(sw.checked).toBe(false));
  });

  it("says what to do when it cannot start (no Activities sheet yet)", async () => {
    const user = userEvent.setup();
    const qe = control(false, Object.assign(new Error("not there"), { code: "ItemNotFound" }));
    renderWithHost(<SetupPanel />, { ...fakeHost(), quickEntry: qe });
    await user.click(screen.getByRole("switch", { name: "Quick entry while typing" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Run Set up");
    expect((screen.getByRole("switch") as HTMLInputElement).checked).toBe(false);
  });
});
