import { useId, type InputHTMLAttributes } from "react";
import { useActionOwners } from "../../../api/actions";

type OwnerFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "list" | "value" | "onChange" | "type"> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A free-text owner field that suggests the people who already own actions
 * (the core's `action_owners`). Label it as any input: `id` + `<label htmlFor>`,
 * or `aria-label`.
 */
export function OwnerField({ value, onChange, className, ...rest }: OwnerFieldProps) {
  const owners = useActionOwners();
  const listId = useId();
  return (
    <>
      <input
        type="text"
        className={className ?? "text-input"}
        dir="auto"
        autoComplete="off"
        {...rest}
        list={listId}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <datalist id={listId}>
        {(owners.data ?? []).map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>
    </>
  );
}
