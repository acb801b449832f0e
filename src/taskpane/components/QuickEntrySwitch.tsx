/** The Set up panel's switch for quick entry while typing (Excel only), with what it does to undo. */
import { Field, Switch } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import type { QuickEntryControl } from "../host/plan-host";
import { OperationStatus } from "./OperationStatus";
import { useOperation } from "./use-operation";

export function QuickEntrySwitch({ control }: { control: QuickEntryControl }) {
  const on = useSyncExternalStore(control.subscribe, control.isOn);
  const op = useOperation<void>("Quick entry");
  return (
    <>
      <Field hint="When you type or pick an approach in Activities, its outcome and sub-outcome fill in, a new row gets its ID and a bad value is marked. Each fill clears Excel's undo history.">
        <Switch
          checked={on}
          disabled={op.running}
          label="Quick entry while typing"
          onChange={(_, d) => {
            void op.start(() => control.set(d.checked));
          }}
        />
      </Field>
      <OperationStatus running={false} progress={null} problem={op.problem} onCancel={op.cancel} label="Quick entry" />
    </>
  );
}
